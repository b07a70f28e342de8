import { expect, test } from './fixtures';
import { newResident, registerThroughForm } from './people';
import { containing } from './text';

/** The register form's words in each language, from messages/ja.json and messages/en.json. */
const languages = [
	{
		name: 'Japanese',
		path: '/register',
		email: 'メールアドレス',
		password: 'パスワード',
		nickname: 'ニックネーム（公開）',
		ward: 'お住まいの区',
		wardChoice: '中央区',
		terms: '利用規約に同意します',
		submit: '登録する',
		passwordShort: 'パスワードは10文字以上にしてください。',
		wardMissing: 'お住まいの区を選んでください。',
		termsMissing: '登録するには利用規約への同意が必要です。',
		nicknameTaken: 'このニックネームはすでに使われています。'
	},
	{
		name: 'English',
		path: '/en/register',
		email: 'Email address',
		password: 'Password',
		nickname: 'Nickname (public)',
		ward: 'Home ward',
		wardChoice: 'Chuo-ku',
		terms: 'I accept the terms of use',
		submit: 'Register',
		passwordShort: 'Use at least 10 characters.',
		wardMissing: 'Choose your home ward.',
		termsMissing: 'You need to accept the terms of use to register.',
		nicknameTaken: 'This nickname is already taken.'
	}
];

for (const words of languages) {
	test(`the register form in ${words.name} shows each mistake beside its field and keeps what was typed`, async ({
		page,
		freshPage
	}) => {
		const someoneElse = await registerThroughForm(await freshPage(), newResident());
		const person = newResident();
		const email = page.getByLabel(words.email);
		const password = page.getByLabel(words.password);
		const nickname = page.getByLabel(words.nickname);
		const ward = page.getByLabel(words.ward);
		const terms = page.getByLabel(words.terms);

		await page.goto(words.path);
		await email.fill(person.email);
		await password.fill('short');
		await nickname.fill(person.nickname);
		await page.getByRole('button', { name: words.submit }).click();

		await expect(password).toHaveAccessibleDescription(containing(words.passwordShort));
		await expect(password).toHaveAttribute('aria-invalid', 'true');
		await expect(ward).toHaveAccessibleDescription(containing(words.wardMissing));
		await expect(terms).toHaveAccessibleDescription(containing(words.termsMissing));
		await expect(email).toHaveValue(person.email);
		await expect(nickname).toHaveValue(person.nickname);
		await expect(email).not.toHaveAttribute('aria-invalid', 'true');

		await password.fill(person.password);
		await ward.selectOption({ label: words.wardChoice });
		await terms.check();
		await nickname.fill(someoneElse.nickname);
		await page.getByRole('button', { name: words.submit }).click();

		await expect(nickname).toHaveAccessibleDescription(containing(words.nicknameTaken));
		await expect(nickname).toHaveAttribute('aria-invalid', 'true');
		await expect(email).toHaveValue(person.email);
		await expect(nickname).toHaveValue(someoneElse.nickname);
		await expect(ward).toHaveValue('12101');
		await expect(terms).toBeChecked();
		await expect(password).not.toHaveAttribute('aria-invalid', 'true');
	});
}
