/** The signed-in person as every request sees them (`event.locals.user`). */
export interface SessionUser {
	id: string;
	roles: string[];
	nickname: string;
}
