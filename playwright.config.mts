import { defineConfig, devices } from '@playwright/test';

// End-to-end tests drive Debian's chromium (never a downloaded browser) against the built
// server (`node build`) on a fresh copy of the migrated embedded database, with demo data.
// `npm test` builds the app and the template database first; run alone, scripts/e2e-server.sh
// builds the template itself.
// E2E_PORT lets several checkouts run their suites at once on one machine.
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
	testDir: 'tests/e2e',
	workers: 1,
	retries: 0,
	fullyParallel: false,
	forbidOnly: !!process.env.CI,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: [
		['list'],
		['json', { outputFile: process.env.E2E_JSON_REPORT ?? 'test-results/e2e-report.json' }]
	],
	use: {
		...devices['Desktop Chrome'],
		baseURL: `http://localhost:${port}`,
		locale: 'ja-JP',
		timezoneId: 'Asia/Tokyo',
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--use-angle=swiftshader',
				'--enable-unsafe-swiftshader',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run',
				'--disable-quic'
			]
		}
	},
	webServer: {
		command: 'bash scripts/e2e-server.sh',
		url: `http://localhost:${port}/api/health`,
		timeout: 180_000,
		reuseExistingServer: false,
		stdout: 'pipe',
		stderr: 'pipe',
		// SIGTERM lets the script stop the server and delete its database copy.
		gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 }
	}
});
