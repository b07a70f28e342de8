import type { TransactionSql } from 'postgres';

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;

/** Makes a generated picture owned by someone (seed.ts's seedPhoto); returns its id. */
export type DemoPhoto = (owner: string, colours: string[], seed: number) => Promise<string>;

/** Who filed a report: a demo citizen (by index) from the app, or a caller staff wrote down. */
type Reporter =
	number | { channel: 'phone' | 'counter'; name: string; phone: string; email?: string };

interface Repair {
	materials: { item: string; quantity: number; unit: string }[];
	/** Yen. */
	cost: number;
	crewHours: number;
	/** The crew took a before and an after photo (generated). */
	photos?: boolean;
}

/** What happened to a report, `after` days after it was filed, in order. */
type Step =
	| { after: number; status: 'in_progress' | 'resolved' | 'closed'; note: string }
	| { after: number; status: 'forwarded'; note: string; owner: string }
	| { after: number; status: 'duplicate'; note: string; of: string }
	| { after: number; note: string; internal: boolean }
	| { after: number; repair: Repair }
	| { after: number; meToo: number }
	| { after: number; follow: number }
	| { after: number; assign: string }
	| { after: number; fit: true };

interface DemoReport {
	key: string;
	category: string;
	lon: number;
	lat: number;
	address: string;
	description: string;
	by: Reporter;
	/**
	 * Days since it was filed: on that day in Tokyo at a morning time when staff work on it
	 * later (so that steps a fraction of a day on fall in office hours), at any time when not;
	 * under a day, exactly that long ago.
	 */
	daysAgo: number;
	/** Colours of a generated photo the reporter attached. */
	photo?: string[];
	steps?: Step[];
}

/** Times of day in Tokyo a report is filed at: before office hours end, or any time. */
const MORNINGS = ['08:10', '09:25', '10:40', '08:55', '10:05', '09:40', '11:10', '08:30'];
const ANY_TIME = ['19:20', '07:45', '12:30', '21:05', '16:50', '13:15'];

const ROAD = ['#5f6368', '#9aa0a6'];
const GREEN = ['#2e7d32', '#a5d6a7'];
const NIGHT = ['#1a237e', '#ffeb3b'];
const RUBBISH = ['#795548', '#d7ccc8'];
const SEA = ['#0277bd', '#fff3e0'];

/**
 * About forty reports over the six wards (each point checked to lie well inside its ward, and
 * none near 千葉駅 西口, where the end-to-end tests file their own), between six months and a
 * few hours old, in every status.
 */
const DEMO_REPORTS: DemoReport[] = [
	// 中央区 (12101)
	{
		key: 'chuo-pothole',
		category: 'road-damage',
		lon: 140.124,
		lat: 35.6105,
		address: '中央区院内1丁目 千葉神社東側の市道',
		description:
			'車道に直径30cmほどの穴があいています。雨の日は水がたまって深さが分からず、自転車がはまりそうになりました。',
		by: 0,
		daysAgo: 160,
		photo: ROAD,
		steps: [
			{ after: 0.5, meToo: 1 },
			{
				after: 1,
				status: 'in_progress',
				note: '道路維持の担当者が現地を確認し、補修を手配しました。'
			},
			{ after: 2, meToo: 2 },
			{
				after: 4,
				repair: {
					materials: [{ item: 'アスファルト常温合材', quantity: 4, unit: '袋' }],
					cost: 9800,
					crewHours: 1.5
				}
			},
			{
				after: 4.1,
				status: 'resolved',
				note: '穴を常温合材でふさぎました。ご連絡ありがとうございました。'
			}
		]
	},
	{
		key: 'chuo-park-light',
		category: 'streetlight',
		lon: 140.118,
		lat: 35.619,
		address: '中央区弁天3丁目 千葉公園 綿打池の遊歩道',
		description: '遊歩道の街灯が1本、夜になっても点きません。池のそばで暗く、歩くのが怖いです。',
		by: 3,
		daysAgo: 120,
		steps: [
			{ after: 2, status: 'in_progress', note: '灯具の交換が必要です。部品を手配しています。' },
			{
				after: 9,
				repair: {
					materials: [
						{ item: 'LED灯具（防犯灯）', quantity: 1, unit: '台' },
						{ item: '自動点滅器', quantity: 1, unit: '個' }
					],
					cost: 28600,
					crewHours: 2
				}
			},
			{ after: 9.1, status: 'resolved', note: 'LEDの灯具に交換し、点灯を確認しました。' }
		]
	},
	{
		key: 'chuo-swing',
		category: 'park-equipment',
		lon: 140.13,
		lat: 35.604,
		address: '中央区亥鼻1丁目 亥鼻公園 遊具広場',
		description:
			'ブランコの鎖の一部がさびて、つなぎ目が開きかけています。小さい子どもがよく使うので心配です。',
		by: { channel: 'phone', name: '佐藤 明美', phone: '043-000-0101' },
		daysAgo: 90,
		steps: [
			{
				after: 1,
				status: 'in_progress',
				note: 'ブランコを使用禁止にしました。鎖を交換するまでお待ちください。'
			},
			{
				after: 1.2,
				note: 'メーカーに鎖の在庫を確認中。代替品なら2週間で入荷の見込み。',
				internal: true
			},
			{ after: 15, note: '交換用の鎖が届きました。来週取り付けます。', internal: false }
		]
	},
	{
		key: 'chuo-soga-sign',
		category: 'sign',
		lon: 140.1307,
		lat: 35.5808,
		address: '中央区今井 蘇我駅東口 駅前広場',
		description: '駅前の避難場所の案内板が色あせて、地図がほとんど読めません。',
		by: {
			channel: 'counter',
			name: '高橋 健一',
			phone: '043-000-0102',
			email: 'k.takahashi@example.jp'
		},
		daysAgo: 60,
		steps: [
			{
				after: 3,
				status: 'in_progress',
				note: '案内板の作り直しを決めました。新しい地図を作っています。'
			}
		]
	},
	{
		key: 'chuo-aoba-dumping',
		category: 'dumping',
		lon: 140.14,
		lat: 35.596,
		address: '中央区青葉町 青葉の森公園 北口駐車場',
		description: '駐車場の隅にテレビと電子レンジが捨てられています。もう1週間以上そのままです。',
		by: 1,
		daysAgo: 30,
		photo: RUBBISH,
		steps: [
			{ after: 1, status: 'in_progress', note: '回収の日程を調整しています。' },
			{
				after: 3,
				repair: {
					materials: [{ item: 'ブルーシート', quantity: 1, unit: '枚' }],
					cost: 15400,
					crewHours: 2
				}
			},
			{
				after: 3.1,
				status: 'resolved',
				note: '回収しました。不法投棄は警察にも情報を提供しています。'
			}
		]
	},
	{
		key: 'chuo-hamano-curb',
		category: 'road-damage',
		lon: 140.1452,
		lat: 35.5546,
		address: '中央区浜野町 浜野駅西側 国道16号の歩道',
		description: '国道の歩道の縁石が割れて、車道側に崩れています。夜は見えにくく危ないです。',
		by: 4,
		daysAgo: 45,
		steps: [
			{
				after: 1,
				status: 'forwarded',
				note: '国道16号は国の管理です。千葉国道事務所に連絡し、対応をお願いしました。',
				owner: '国土交通省 千葉国道事務所（国道16号）'
			}
		]
	},
	{
		key: 'chuo-branches',
		category: 'other',
		lon: 140.1243,
		lat: 35.5726,
		address: '中央区川崎町 フクダ電子アリーナ周辺の歩道',
		description:
			'歩道の植え込みから枝が伸びて、頭の高さまで垂れ下がっています。試合の日は人が多く、ぶつかりそうです。',
		by: 2,
		daysAgo: 3,
		steps: [
			{ after: 0.3, follow: 4 },
			{ after: 0.25, assign: 'parks' }
		]
	},
	{
		key: 'chuo-chibadera-light',
		category: 'streetlight',
		lon: 140.139,
		lat: 35.59,
		address: '中央区千葉寺町 千葉寺駅近くの住宅街',
		description: '街灯が一晩中、点いたり消えたりを繰り返しています。',
		by: 0,
		daysAgo: 1
	},

	// 花見川区 (12102)
	{
		key: 'hanamigawa-crosswalk',
		category: 'road-damage',
		lon: 140.071,
		lat: 35.6616,
		address: '花見川区瑞穂1丁目 区役所前の交差点',
		description: '横断歩道の白線がかすれて、ほとんど見えなくなっています。',
		by: { channel: 'phone', name: '伊藤 和子', phone: '043-000-0201' },
		daysAgo: 150,
		steps: [
			{ after: 2, status: 'in_progress', note: '引き直しの工事を発注しました。' },
			{
				after: 20,
				repair: {
					materials: [
						{ item: '溶融式路面標示材', quantity: 60, unit: 'kg' },
						{ item: 'ガラスビーズ', quantity: 3, unit: 'kg' }
					],
					cost: 86000,
					crewHours: 6
				}
			},
			{ after: 20.1, status: 'resolved', note: '横断歩道の白線を引き直しました。' }
		]
	},
	{
		key: 'hanamigawa-stairs',
		category: 'park-equipment',
		lon: 140.083,
		lat: 35.6925,
		address: '花見川区宇那谷町 花島公園 展望台への階段',
		description: '展望台へ上る木の階段の板が1枚割れて、踏むと沈みます。',
		by: 1,
		daysAgo: 100,
		photo: GREEN,
		steps: [
			{ after: 1, status: 'in_progress', note: '階段の一部を通行止めにしました。' },
			{
				after: 6,
				repair: {
					materials: [
						{ item: '階段踏み板（防腐処理木材）', quantity: 2, unit: '枚' },
						{ item: 'ステンレスビス', quantity: 16, unit: '本' }
					],
					cost: 14200,
					crewHours: 3
				}
			},
			{ after: 6.1, status: 'resolved', note: '踏み板を交換し、通行止めを解除しました。' }
		]
	},
	{
		key: 'hanamigawa-bikes',
		category: 'dumping',
		lon: 140.0798,
		lat: 35.6555,
		address: '花見川区検見川町1丁目 検見川駅近くの高架下',
		description: '高架下に自転車が3台放置され、ごみ袋も積まれています。',
		by: 2,
		daysAgo: 70,
		steps: [
			{
				after: 2,
				status: 'forwarded',
				note: '高架下は鉄道会社の土地です。JR東日本に連絡し、片付けをお願いしました。',
				owner: 'JR東日本 千葉支社（高架下の鉄道用地）'
			}
		]
	},
	{
		key: 'hanamigawa-station-lights',
		category: 'streetlight',
		lon: 140.0843,
		lat: 35.6619,
		address: '花見川区南花園 新検見川駅北口ロータリー',
		description: '駅前ロータリーの街灯が2本消えています。バスを待つ場所が暗いです。',
		by: 3,
		daysAgo: 20,
		photo: NIGHT,
		steps: [
			{ after: 1, status: 'in_progress', note: '電気工事業者に点検を依頼しました。' },
			{ after: 1.1, note: '2本とも同じ分電盤の系統。漏電遮断器の確認から。', internal: true }
		]
	},
	{
		key: 'hanamigawa-drain',
		category: 'other',
		lon: 140.07,
		lat: 35.675,
		address: '花見川区瑞穂2丁目 団地の中の遊歩道',
		description: '遊歩道の側溝に落ち葉と泥がたまり、雨のあとは水があふれて歩けません。',
		by: 4,
		daysAgo: 12,
		steps: [{ after: 2, fit: true }]
	},
	{
		key: 'hanamigawa-tiles',
		category: 'road-damage',
		lon: 140.0424,
		lat: 35.6726,
		address: '花見川区幕張本郷1丁目 幕張本郷駅前の歩道',
		description: '駅前の歩道のタイルが数枚浮いていて、つまずきそうになりました。',
		by: 0,
		daysAgo: 5,
		steps: [
			{ after: 0.4, meToo: 3 },
			{ after: 3, status: 'in_progress', note: 'タイルの張り直しを手配しました。' }
		]
	},
	{
		key: 'hanamigawa-tiles-again',
		category: 'road-damage',
		lon: 140.0426,
		lat: 35.6725,
		address: '幕張本郷駅 南口を出てすぐ',
		description: '歩道のタイルががたがたしています。',
		by: 2,
		daysAgo: 4,
		steps: [
			{
				after: 0.2,
				status: 'duplicate',
				note: '同じ場所のレポートがすでにあります。そちらでお知らせします。',
				of: 'hanamigawa-tiles'
			}
		]
	},
	{
		key: 'hanamigawa-stop-sign',
		category: 'sign',
		lon: 140.0577,
		lat: 35.6636,
		address: '花見川区幕張町4丁目 幕張駅南口の交差点',
		description: '「止まれ」の標識が車にぶつけられたのか、大きく傾いています。',
		by: { channel: 'counter', name: '渡辺 誠', phone: '043-000-0202' },
		daysAgo: 35,
		steps: [
			{
				after: 1,
				status: 'forwarded',
				note: '「止まれ」の標識は警察の管理です。千葉西警察署に連絡しました。',
				owner: '千葉県警察 千葉西警察署（交通規制の標識）'
			}
		]
	},

	// 稲毛区 (12103)
	{
		key: 'inage-bus-stop',
		category: 'road-damage',
		lon: 140.0925,
		lat: 35.6367,
		address: '稲毛区稲毛東3丁目 稲毛駅東口のバス停前',
		description:
			'バス停の前の車道が沈んで、雨のたびに大きな水たまりになります。バスを待つ人に水がかかります。',
		by: 2,
		daysAgo: 175,
		photo: ROAD,
		steps: [
			{ after: 3, status: 'in_progress', note: '舗装の打ち換えを計画しています。' },
			{ after: 3.2, note: '路盤の沈下。下水管の点検結果を待って工事する。', internal: true },
			{
				after: 40,
				repair: {
					materials: [
						{ item: '加熱アスファルト合材', quantity: 0.8, unit: 't' },
						{ item: 'アスファルト乳剤', quantity: 10, unit: 'L' }
					],
					cost: 152000,
					crewHours: 12
				}
			},
			{
				after: 40.1,
				status: 'resolved',
				note: '舗装を打ち換えました。工事中はご迷惑をおかけしました。'
			}
		]
	},
	{
		key: 'inage-light-cover',
		category: 'streetlight',
		lon: 140.1174,
		lat: 35.6376,
		address: '稲毛区穴川4丁目 区役所北側の歩道',
		description: '街灯のカバーが割れて、中の配線が見えています。',
		by: { channel: 'phone', name: '山本 直子', phone: '043-000-0301' },
		daysAgo: 130,
		steps: [
			{
				after: 1,
				repair: {
					materials: [
						{ item: '灯具カバー', quantity: 1, unit: '個' },
						{ item: '絶縁テープ', quantity: 1, unit: '巻' }
					],
					cost: 8900,
					crewHours: 1
				}
			},
			{ after: 1.1, status: 'resolved', note: 'カバーを交換し、配線を点検しました。' }
		]
	},
	{
		key: 'inage-slide',
		category: 'park-equipment',
		lon: 140.103,
		lat: 35.6267,
		address: '稲毛区弥生町 弥生町第二公園',
		description: 'すべり台の手すりのボルトが1本抜けて、手すりがぐらぐらしています。',
		by: 3,
		daysAgo: 80,
		steps: [
			{
				after: 2,
				status: 'closed',
				note: '現地を確認したところ、ボルトは前日の定期点検で交換済みでした。ご連絡ありがとうございました。'
			}
		]
	},
	{
		key: 'inage-tyres',
		category: 'dumping',
		lon: 140.114,
		lat: 35.631,
		address: '稲毛区作草部2丁目 作草部駅近くの空き地',
		description: '空き地にタイヤが10本ほど捨てられています。',
		by: 0,
		daysAgo: 40,
		steps: [
			{ after: 2, note: '土地の所有者を登記で確認済み。所有者に文書で通知。', internal: true },
			{
				after: 2.1,
				status: 'closed',
				note: '民有地のため、市では撤去できません。土地の所有者に連絡し、撤去をお願いしました。'
			}
		]
	},
	{
		key: 'inage-braille',
		category: 'road-damage',
		lon: 140.125,
		lat: 35.668,
		address: '稲毛区長沼町 長沼交差点近くの歩道',
		description: '歩道の点字ブロックがはがれて、一部なくなっています。',
		by: 1,
		daysAgo: 18,
		steps: [{ after: 2, status: 'in_progress', note: '点字ブロックを取り寄せています。' }]
	},
	{
		key: 'inage-shelter-sign',
		category: 'sign',
		lon: 140.096,
		lat: 35.645,
		address: '稲毛区轟町 小学校正門前',
		description: '避難場所の標識が、伸びた木の枝に隠れてほとんど見えません。',
		by: 4,
		daysAgo: 7,
		steps: [{ after: 1, status: 'in_progress', note: '枝の剪定を手配しました。' }]
	},
	{
		key: 'inage-fountain',
		category: 'park-equipment',
		lon: 140.1,
		lat: 35.633,
		address: '稲毛区小仲台 小仲台公園の水飲み場',
		description: '水飲み場の蛇口が閉まらず、水が出しっぱなしになっています。',
		by: 4,
		daysAgo: 2
	},

	// 若葉区 (12104)
	{
		key: 'wakaba-manhole',
		category: 'road-damage',
		lon: 140.156,
		lat: 35.6253,
		address: '若葉区貝塚2丁目 区役所前のバス通り',
		description:
			'マンホールのふたの周りのアスファルトが割れて、段差ができています。車が通るたびに大きな音がします。',
		by: 3,
		daysAgo: 140,
		steps: [
			{ after: 2, status: 'in_progress', note: '補修の日程を調整しています。' },
			{
				after: 8,
				repair: {
					materials: [{ item: 'アスファルト常温合材', quantity: 6, unit: '袋' }],
					cost: 18700,
					crewHours: 2.5
				}
			},
			{ after: 8.1, status: 'resolved', note: '段差をなくしました。' }
		]
	},
	{
		key: 'wakaba-construction-waste',
		category: 'dumping',
		lon: 140.223,
		lat: 35.624,
		address: '若葉区千城台北 千城台駅近くの雑木林',
		description: '林の中に建築廃材のようなものが大量に捨てられています。',
		by: { channel: 'phone', name: '中村 浩', phone: '043-000-0401' },
		daysAgo: 110,
		steps: [
			{ after: 1, status: 'in_progress', note: '警察と一緒に現地を調べています。' },
			{
				after: 12,
				repair: {
					materials: [{ item: '土のう袋', quantity: 30, unit: '枚' }],
					cost: 64000,
					crewHours: 8
				}
			},
			{
				after: 12.1,
				status: 'resolved',
				note: '廃材を撤去しました。監視カメラでの見回りを続けます。'
			}
		]
	},
	{
		key: 'wakaba-light-on',
		category: 'streetlight',
		lon: 140.169,
		lat: 35.611,
		address: '若葉区桜木北2丁目 公園の東側',
		description: '公園の横の街灯が、昼間もずっと点いたままです。',
		by: 4,
		daysAgo: 50,
		steps: [
			{ after: 0.5, follow: 0 },
			{ after: 3, status: 'in_progress', note: '点滅器の故障とみられます。交換を手配しました。' },
			{ after: 3.1, note: '東京電力の電柱に共架。工事には立ち会いが必要。', internal: true }
		]
	},
	{
		key: 'wakaba-bench',
		category: 'park-equipment',
		lon: 140.245,
		lat: 35.581,
		address: '若葉区野呂町 泉自然公園 池のほとり',
		description: '池のほとりのベンチの背もたれが外れています。',
		by: 0,
		daysAgo: 25,
		photo: GREEN,
		steps: [{ after: 2, status: 'in_progress', note: '背もたれの部品を注文しました。' }]
	},
	{
		key: 'wakaba-kasori-sign',
		category: 'sign',
		lon: 140.165,
		lat: 35.622,
		address: '若葉区桜木8丁目 加曽利貝塚への道',
		description: '加曽利貝塚への道案内の看板が倒れて、草むらに落ちています。',
		by: 1,
		daysAgo: 8
	},
	{
		key: 'wakaba-dirty-sign',
		category: 'sign',
		lon: 140.1455,
		lat: 35.6305,
		address: '若葉区都賀の台 都賀の台公園の入口',
		description: '避難場所の標識がクモの巣と泥で汚れて、文字が読みにくくなっています。',
		by: 2,
		daysAgo: 20,
		steps: [{ after: 4, fit: true }]
	},

	// 緑区 (12105)
	{
		key: 'midori-roots',
		category: 'road-damage',
		lon: 140.1834,
		lat: 35.5628,
		address: '緑区鎌取町 区役所前の歩道',
		description: '歩道の舗装が街路樹の根で持ち上がり、ベビーカーが通れません。',
		by: 2,
		daysAgo: 155,
		steps: [
			{ after: 5, status: 'in_progress', note: '根の処理と舗装の補修を計画しています。' },
			{
				after: 30,
				repair: {
					materials: [
						{ item: 'インターロッキングブロック', quantity: 24, unit: '個' },
						{ item: '敷砂', quantity: 0.5, unit: '㎥' }
					],
					cost: 78000,
					crewHours: 10
				}
			},
			{ after: 30.1, status: 'resolved', note: '根を処理して、歩道を平らに敷き直しました。' }
		]
	},
	{
		key: 'midori-toke-lights',
		category: 'streetlight',
		lon: 140.256,
		lat: 35.531,
		address: '緑区土気町 土気駅南口からの通り',
		description: '街灯が3本続けて消えていて、駅からの帰り道が真っ暗です。',
		by: {
			channel: 'phone',
			name: '小林 さゆり',
			phone: '043-000-0501',
			email: 'sayuri@example.jp'
		},
		daysAgo: 95,
		steps: [
			{ after: 0.5, meToo: 3 },
			{ after: 1, status: 'in_progress', note: '3本とも灯具を交換します。' },
			{
				after: 6,
				repair: {
					materials: [{ item: 'LED灯具（防犯灯）', quantity: 3, unit: '台' }],
					cost: 72000,
					crewHours: 4.5
				}
			},
			{ after: 6.1, status: 'resolved', note: '3本ともLEDに交換しました。' }
		]
	},
	{
		key: 'midori-zipline',
		category: 'park-equipment',
		lon: 140.276,
		lat: 35.518,
		address: '緑区大金沢町 昭和の森 子ども広場',
		description: 'ターザンロープの滑車から異音がして、途中で止まってしまいます。',
		by: 3,
		daysAgo: 58,
		steps: [
			{
				after: 3,
				status: 'closed',
				note: '現地で何度か試しましたが、異音や停止は確かめられませんでした。定期点検で引き続き確認します。'
			}
		]
	},
	{
		key: 'midori-fridge',
		category: 'dumping',
		lon: 140.23,
		lat: 35.545,
		address: '緑区大野台1丁目 工業団地沿いの道路',
		description: '道路わきに冷蔵庫が捨てられています。',
		by: 4,
		daysAgo: 22,
		photo: RUBBISH,
		steps: [{ after: 2, status: 'resolved', note: '冷蔵庫を回収しました。' }]
	},
	{
		key: 'midori-guardrail',
		category: 'road-damage',
		lon: 140.17,
		lat: 35.56,
		address: '緑区おゆみ野3丁目 バス通りのカーブ',
		description: 'ガードレールが車にぶつけられて曲がっています。',
		by: { channel: 'counter', name: '加藤 勇', phone: '043-000-0502' },
		daysAgo: 10,
		steps: [
			{
				after: 1,
				status: 'in_progress',
				note: '応急的にコーンを置きました。交換を手配しています。'
			}
		]
	},
	{
		key: 'midori-footbridge',
		category: 'other',
		lon: 140.19,
		lat: 35.56,
		address: '緑区鎌取町 鎌取駅北口の歩道橋',
		description: '歩道橋の階段の手すりがぐらついています。',
		by: 0,
		daysAgo: 0.5
	},

	// 美浜区 (12106)
	{
		key: 'mihama-bench',
		category: 'park-equipment',
		lon: 140.07,
		lat: 35.62,
		address: '美浜区高浜7丁目 稲毛海浜公園 いなげの浜',
		description: '浜辺のベンチの板が割れて、釘が飛び出しています。座ると危ないです。',
		by: 0,
		daysAgo: 170,
		photo: SEA,
		steps: [
			{ after: 1, status: 'in_progress', note: 'ベンチを使用禁止にしました。' },
			{
				after: 7,
				repair: {
					materials: [
						{ item: 'ベンチ座板（再生木材）', quantity: 3, unit: '枚' },
						{ item: 'ステンレスボルト', quantity: 12, unit: '本' }
					],
					cost: 21500,
					crewHours: 2,
					photos: true
				}
			},
			{ after: 7.1, status: 'resolved', note: '座板を交換しました。潮風に強い材料にしています。' }
		]
	},
	{
		key: 'mihama-makuhari-light',
		category: 'streetlight',
		lon: 140.042,
		lat: 35.649,
		address: '美浜区ひび野2丁目 海浜幕張駅から幕張の浜への歩道',
		description: '海浜幕張駅から幕張の浜へ向かう歩道の街灯が消えています。',
		by: 1,
		daysAgo: 65,
		steps: [
			{ after: 2, status: 'in_progress', note: '道路照明の灯具を交換します。' },
			{
				after: 12,
				repair: {
					materials: [{ item: 'LED灯具（道路照明）', quantity: 1, unit: '台' }],
					cost: 46000,
					crewHours: 3
				}
			},
			{ after: 12.1, status: 'resolved', note: '灯具を交換しました。' }
		]
	},
	{
		key: 'mihama-makuhari-light-again',
		category: 'streetlight',
		lon: 140.0422,
		lat: 35.6491,
		address: '海浜幕張駅 南口',
		description: '駅の南の歩道が暗いです。街灯が切れているようです。',
		by: 2,
		daysAgo: 64,
		steps: [
			{
				after: 0.2,
				status: 'duplicate',
				note: '同じ街灯のレポートがあります。そちらで対応の状況をお知らせします。',
				of: 'mihama-makuhari-light'
			}
		]
	},
	{
		key: 'mihama-cycle-path',
		category: 'road-damage',
		lon: 140.077,
		lat: 35.628,
		address: '美浜区高洲3丁目 高洲第一ショッピングセンター前',
		description: '自転車道の舗装にひびが入り、段差になっています。',
		by: 3,
		daysAgo: 28,
		steps: [
			{ after: 0.5, meToo: 0 },
			{ after: 1, follow: 2 },
			{ after: 2, meToo: 4 },
			{ after: 4, status: 'in_progress', note: '補修工事を発注しました。' },
			{
				after: 5,
				note: '工事は来月の予定です。それまで段差に注意の表示を置きます。',
				internal: false
			}
		]
	},
	{
		key: 'mihama-beach-litter',
		category: 'dumping',
		lon: 140.054,
		lat: 35.637,
		address: '美浜区磯辺 検見川の浜 駐車場の近く',
		description: '花火の燃えかすとごみ袋が浜に置きっぱなしになっています。',
		by: 4,
		daysAgo: 4,
		photo: SEA,
		steps: [{ after: 0.1, fit: true }]
	},
	{
		key: 'mihama-tsunami-sign',
		category: 'sign',
		lon: 140.068,
		lat: 35.64,
		address: '美浜区真砂5丁目 区役所前',
		description: '津波避難ビルの案内板のシールがはがれかけています。',
		by: { channel: 'phone', name: '吉田 恵', phone: '043-000-0601' },
		daysAgo: 6
	},
	{
		key: 'mihama-blocks',
		category: 'road-damage',
		lon: 140.047,
		lat: 35.645,
		address: '美浜区打瀬2丁目 公園通りの歩道',
		description: '歩道のブロックが沈んで、雨のあと水たまりができています。',
		by: 1,
		daysAgo: 0.3
	}
];

/** Demo citizens (by index) who accept the volunteer terms; the first is "the demo volunteer". */
const VOLUNTEERS = [
	{ citizen: 0, wards: ['12101', '12106'], daysAgo: 40 },
	{ citizen: 1, wards: [], daysAgo: 30 },
	{ citizen: 2, wards: ['12103'], daysAgo: 16 }
];

/** Fixes made from the reports staff marked fit for volunteers (`after` days after the report). */
const REPORT_FIXES = [
	{
		report: 'mihama-beach-litter',
		after: 0.15,
		title: '検見川の浜のごみ拾い',
		whatToDo: '浜に残された花火の燃えかすとごみを拾い、駐車場のごみ置き場に運んでください。',
		difficulty: 'easy',
		tools: '軍手、ごみ袋、トング',
		points: 30,
		// claimed and sent by the demo volunteer; the organiser approves it as the demo starts
		// (the ledger is append-only, so its points carry the seed's time), resolving the report
		done: {
			citizen: 0,
			claim: 1,
			complete: 2.3,
			minutes: 40,
			note: 'ごみ袋3つ分を集めて、駐車場のごみ置き場に運びました。'
		}
	},
	{
		report: 'hanamigawa-drain',
		after: 2.1,
		title: '遊歩道の側溝の落ち葉取り',
		whatToDo:
			'側溝のふたの上と、ふたのすき間にたまった落ち葉と泥を取り除いてください。ふたは開けないでください。',
		difficulty: 'easy',
		tools: '軍手、ごみ袋、ほうき',
		points: 30,
		done: null
	},
	{
		report: 'wakaba-dirty-sign',
		after: 4.1,
		title: '避難場所の標識をふく',
		whatToDo:
			'標識のクモの巣を払い、ぬらした布で泥をふき取ってください。洗剤は使わないでください。',
		difficulty: 'easy',
		tools: '布、バケツ、ほうき',
		points: 20,
		done: null
	}
] as const;

/** Fixes an organiser posted; the first is held by the demo volunteer. */
const ORGANISER_FIXES = [
	{
		title: '千葉公園 綿打池まわりの掲示板の清掃',
		whatToDo: '池のまわりにある案内掲示板3か所の汚れを、ぬらした布でふき取ってください。',
		lon: 140.1175,
		lat: 35.62,
		address: '中央区弁天3丁目 千葉公園',
		difficulty: 'easy',
		tools: '布、バケツ',
		hours: 72,
		points: 30,
		daysAgo: 6,
		claimedBy: { citizen: 0, hoursAgo: 3 }
	},
	{
		title: '幕張の浜の漂着ごみ拾い',
		whatToDo:
			'波打ち際に流れ着いたペットボトルやプラスチックごみを集めて、分別してください。流木はそのままで構いません。',
		lon: 140.0405,
		lat: 35.647,
		address: '美浜区美浜 幕張の浜',
		difficulty: 'medium',
		tools: '軍手、ごみ袋、トング、帽子',
		hours: 48,
		points: 50,
		daysAgo: 2,
		claimedBy: null
	}
] as const;

/**
 * Reports with their timelines, volunteers, fixes and two upcoming activities for the demo.
 * Everything is written through the SQL functions the app calls, acting as the person who
 * would (the `request.jwt.claims` that asUser sets; the functions are security definer and
 * check auth.uid() and the roles themselves), so the rows, counters and notifications are
 * what the app would have made. The seed stays the connecting role so that, after each call,
 * it can move the call's timestamps (the transaction's now()) back to when it "happened".
 */
export async function seedReports(
	tx: TransactionSql,
	staff: string,
	citizens: string[],
	photo: DemoPhoto
): Promise<void> {
	const [{ now }] = await tx<{ now: Date }[]>`select now()`;
	const ago = (days: number) => new Date(now.getTime() - days * DAY);
	let photoSeed = 500;
	/** A generated photo, pending for its owner as an upload is until a report takes it. */
	const pending = async (owner: string, colours: string[]) => {
		const id = await photo(owner, colours, photoSeed++);
		await tx`update public.photos set state = 'pending', expires_at = now() + interval '1 hour'
			where id = ${id}`;
		return id;
	};

	let acting: string | null = null;
	const actAs = async (person: string | null) => {
		if (person === acting) return;
		const claims = person ? JSON.stringify({ sub: person, role: 'authenticated' }) : '';
		await tx`select set_config('request.jwt.claims', ${claims}, true)`;
		acting = person;
	};

	const ids = new Map<string, string>();
	/** Moves what the last call stamped with now() on the demo reports to `at`. */
	const stamp = async (at: Date) => {
		if (at >= now) throw new Error(`demo report step in the future: ${at.toISOString()}`);
		const reports = [...ids.values()];
		await tx`
			with r as (
				update public.reports set
					created_at = case when created_at = now() then ${at} else created_at end,
					updated_at = case when updated_at = now() then ${at} else updated_at end,
					resolved_at = case when resolved_at = now() then ${at} else resolved_at end
				where id = any (${reports}::uuid[]) and now() in (created_at, updated_at, resolved_at)
				returning 1
			), u as (
				update public.report_updates set created_at = ${at}
				where report_id = any (${reports}::uuid[]) and created_at = now() returning 1
			), f as (
				update public.report_followers set created_at = ${at}
				where report_id = any (${reports}::uuid[]) and created_at = now() returning 1
			), m as (
				update public.report_me_too set created_at = ${at}
				where report_id = any (${reports}::uuid[]) and created_at = now() returning 1
			), n as (
				update public.notifications set created_at = ${at}
				where report_id = any (${reports}::uuid[]) and created_at = now() returning 1
			), p as (
				update public.report_repairs set recorded_at = ${at}
				where report_id = any (${reports}::uuid[]) and recorded_at = now() returning 1
			), b as (
				update public.badge_awards set awarded_at = ${at}
				where badge_code = 'first_report' and awarded_at = now()
					and user_id = any (${citizens}::uuid[]) returning 1
			)
			select 1`;
	};

	const offices = new Map(
		(await tx<{ code: string; id: number }[]>`select code, id::int from public.offices`).map(
			(row) => [row.code, row.id]
		)
	);
	const filed = new Map(
		DEMO_REPORTS.map((report, i) => {
			if (report.daysAgo < 1) return [report.key, ago(report.daysAgo)];
			const times = report.steps?.length ? MORNINGS : ANY_TIME;
			return [report.key, tokyoTime(ago(report.daysAgo), times[i % times.length])];
		})
	);
	const later = (key: string, days: number) => new Date(filed.get(key)!.getTime() + days * DAY);
	// Oldest first, so that the report numbers follow the order they were filed in.
	const ordered = [...DEMO_REPORTS].sort(
		(a, b) => filed.get(a.key)!.getTime() - filed.get(b.key)!.getTime()
	);
	for (const report of ordered) {
		const reporter = typeof report.by === 'number' ? citizens[report.by] : staff;
		await actAs(reporter);
		const photos = report.photo ? [await pending(reporter, report.photo)] : [];
		const caller =
			typeof report.by === 'number'
				? null
				: JSON.stringify({ name: report.by.name, phone: report.by.phone, email: report.by.email });
		const [{ id }] = await tx<{ id: string }[]>`
			select id from public.create_report(${report.category}, ${report.lon}, ${report.lat}, null,
				${report.address}, ${report.description}, ${photos}::uuid[],
				${typeof report.by === 'number' ? 'app' : report.by.channel},
				${caller}::text::jsonb, null)`;
		ids.set(report.key, id);
		await stamp(filed.get(report.key)!);

		for (const step of report.steps ?? []) {
			const at = later(report.key, step.after);
			if ('meToo' in step) {
				await actAs(citizens[step.meToo]);
				await tx`select public.add_me_too(${id})`;
			} else if ('follow' in step) {
				await actAs(citizens[step.follow]);
				await tx`select public.follow_report(${id}, true)`;
			} else if ('status' in step) {
				await actAs(staff);
				const original = step.status === 'duplicate' ? ids.get(step.of) : null;
				const owner = step.status === 'forwarded' ? step.owner : null;
				await tx`select public.change_report_status(${id}, ${step.status}, ${step.note},
					${original ?? null}::uuid, ${owner})`;
			} else if ('internal' in step) {
				await actAs(staff);
				await tx`select public.add_report_note(${id}, ${step.note}, ${step.internal})`;
			} else if ('repair' in step) {
				await actAs(staff);
				const { repair } = step;
				const before = repair.photos ? [await pending(staff, ['#8d6e63', '#3e2723'])] : [];
				const after = repair.photos ? [await pending(staff, ['#a1887f', '#efebe9'])] : [];
				await tx`select public.record_repair(${id}, ${tokyoDate(at)}::date, ${repair.cost},
					${repair.crewHours}, ${JSON.stringify(repair.materials)}::text::jsonb,
					${before}::uuid[], ${after}::uuid[])`;
			} else if ('assign' in step) {
				await actAs(staff);
				await tx`select public.assign_reports(${[id]}::uuid[], ${offices.get(step.assign)!})`;
			} else {
				await actAs(staff);
				await tx`select public.set_fit_for_volunteers(${id}, true)`;
			}
			await stamp(at);
		}
	}

	for (const v of VOLUNTEERS) {
		await actAs(citizens[v.citizen]);
		await tx`select public.become_volunteer(public.volunteer_terms_version(), ${v.wards}::text[])`;
		await tx`update public.volunteers set accepted_at = ${tokyoTime(ago(v.daysAgo), '20:30')}
			where user_id = ${citizens[v.citizen]}`;
	}

	for (const fix of REPORT_FIXES) {
		const reportId = ids.get(fix.report)!;
		const at = (after: number) => later(fix.report, after);
		await actAs(staff);
		const [{ id }] = await tx<{ id: string }[]>`
			select public.create_fix(${fix.title}, ${fix.whatToDo}, null, null, ${fix.difficulty},
				${fix.tools}, '', null, ${reportId}, 72, ${fix.points}) as id`;
		await tx`update public.fixes set created_at = ${at(fix.after)} where id = ${id}`;
		if (!fix.done) continue;

		const volunteer = citizens[fix.done.citizen];
		await actAs(volunteer);
		await tx`select 1 from public.claim_fix(${id})`;
		const proof = await pending(volunteer, SEA);
		await tx`select public.complete_fix(${id}, ${proof}, ${fix.done.note}, ${fix.done.minutes})`;
		await actAs(staff);
		await tx`select public.verify_fix(${id}, 'approve', null)`;
		await tx`update public.fix_claims set claimed_at = ${at(fix.done.claim)},
				expires_at = ${new Date(at(fix.done.claim).getTime() + 72 * HOUR)},
				submitted_at = ${at(fix.done.complete)}
			where fix_id = ${id}`;
	}

	for (const fix of ORGANISER_FIXES) {
		await actAs(staff);
		const [{ id }] = await tx<{ id: string }[]>`
			select public.create_fix(${fix.title}, ${fix.whatToDo}, ${fix.lon}, ${fix.lat},
				${fix.difficulty}, ${fix.tools}, ${fix.address}, null, null, ${fix.hours},
				${fix.points}) as id`;
		await tx`update public.fixes set created_at = ${tokyoTime(ago(fix.daysAgo), '14:20')}
			where id = ${id}`;
		if (!fix.claimedBy) continue;
		await actAs(citizens[fix.claimedBy.citizen]);
		await tx`select 1 from public.claim_fix(${id})`;
		const claimed = new Date(now.getTime() - fix.claimedBy.hoursAgo * HOUR);
		await tx`update public.fix_claims set claimed_at = ${claimed},
				expires_at = ${new Date(claimed.getTime() + fix.hours * HOUR)}
			where fix_id = ${id}`;
	}

	await seedEvents(tx, staff, citizens, now, actAs);
	await actAs(null);

	// People read what they were told about long ago; the last week stays unread.
	await tx`update public.notifications set read_at = created_at + interval '1 day'
		where report_id = any (${[...ids.values()]}::uuid[]) and created_at < now() - interval '7 days'`;
}

/**
 * Two activities ahead: a small flower-bed planting one place short of full, and a beach
 * clean-up with room to spare, both on the next weekend at least four days away.
 */
async function seedEvents(
	tx: TransactionSql,
	organiser: string,
	citizens: string[],
	now: Date,
	actAs: (person: string | null) => Promise<void>
) {
	// 09:00 in Tokyo (UTC+9, no summer time) on the first Saturday at least four days ahead.
	const tokyo = new Date(now.getTime() + 9 * HOUR);
	let ahead = (6 - tokyo.getUTCDay() + 7) % 7;
	if (ahead < 4) ahead += 7;
	const saturday = Date.UTC(
		tokyo.getUTCFullYear(),
		tokyo.getUTCMonth(),
		tokyo.getUTCDate() + ahead
	);
	const events = [
		{
			title: '美浜区役所前の花壇の植え替え',
			description:
				'区役所前の花壇に、春の花の苗を植えます。土を耕して苗を植え、水やりをするところまで行います。',
			starts: new Date(saturday),
			hours: 2,
			meeting: '美浜区役所 正面玄関前',
			lon: 140.064,
			lat: 35.637,
			capacity: 4,
			bring: '軍手、飲み物、汚れてもよい服',
			points: 20,
			signUps: [0, 1, 2]
		},
		{
			title: 'いなげの浜クリーンアップ',
			description:
				'稲毛海浜公園の砂浜で、ごみ拾いをします。ごみ袋とトングは用意します。小学生以上なら参加できます。',
			starts: new Date(saturday + 8 * DAY + HOUR),
			hours: 2,
			meeting: '稲毛海浜公園 いなげの浜 管理棟前',
			lon: 140.07,
			lat: 35.62,
			capacity: 30,
			bring: '軍手、帽子、飲み物',
			points: 30,
			signUps: [2, 0]
		}
	];

	for (const [n, event] of events.entries()) {
		await actAs(organiser);
		const [{ id }] = await tx<{ id: string }[]>`
			select public.create_volunteer_event(${event.title}, ${event.description}, ${event.starts},
				${new Date(event.starts.getTime() + event.hours * HOUR)}, ${event.meeting}, ${event.lon},
				${event.lat}, ${event.capacity}, ${event.bring}, ${event.points}) as id`;
		const posted = tokyoTime(new Date(now.getTime() - (10 - n * 5) * DAY), '10:00');
		await tx`update public.volunteer_events set created_at = ${posted} where id = ${id}`;
		for (const [i, citizen] of event.signUps.entries()) {
			await actAs(citizens[citizen]);
			await tx`select public.sign_up_for_event(${id})`;
			await tx`update public.event_signups
				set signed_up_at = ${new Date(posted.getTime() + (i + 1) * 7 * HOUR)}
				where event_id = ${id} and user_id = ${citizens[citizen]}`;
		}
	}
}

/** The moment at the given time ("HH:MM") in Tokyo (UTC+9, no summer time) on a moment's day. */
function tokyoTime(day: Date, time: string): Date {
	const [hours, minutes] = time.split(':').map(Number);
	const tokyo = new Date(day.getTime() + 9 * HOUR);
	return new Date(
		Date.UTC(tokyo.getUTCFullYear(), tokyo.getUTCMonth(), tokyo.getUTCDate(), hours - 9, minutes)
	);
}

/** The calendar date in Tokyo of a moment, as YYYY-MM-DD. */
function tokyoDate(at: Date): string {
	return new Date(at.getTime() + 9 * HOUR).toISOString().slice(0, 10);
}
