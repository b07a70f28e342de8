import type { Scenario } from '../lib/scenario';
import { claims } from './claims';
import { exportScenario } from './export';
import { dashboard } from './dashboard';
import { importScenario } from './import';
import { leaderboard } from './leaderboard';
import { lighthouse } from './lighthouse';
import { photo } from './photo';
import { reportPage } from './report-page';
import { start } from './start';
import { submit } from './submit';
import { viewport } from './viewport';
import { weight } from './weight';

/** Every scenario, in the order `npm run bench` runs them. */
export const scenarios: readonly Scenario[] = [
	photo,
	start,
	submit,
	leaderboard,
	importScenario,
	claims,
	viewport,
	reportPage,
	dashboard,
	exportScenario,
	weight,
	lighthouse
];
