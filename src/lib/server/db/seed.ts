import type { Sql } from 'postgres';

export async function seedDemo(sql: Sql): Promise<void> {
	void sql;
}
