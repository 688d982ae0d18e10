/**
 * Lines of the seeds that are deliberately not in any article body, and why.
 * Each is kept in an article's metadata instead: `keptAs` must be found there.
 * Headlines and columns need no entry: they are checked against titles and columns.
 */
export const SEED_OMISSIONS: { seed: string; text: string; keptAs: string[]; why: string }[] = [
	{ seed: '001_1101a6fbd11d82ea.txt', text: '◎ 实习记者 荆晓青', keptAs: ['实习记者', '荆晓青'], why: 'byline, kept in bylines' },
	{ seed: '001_1101a6fbd11d82ea.txt', text: '◎ 本报记者 杨雪', keptAs: ['本报记者', '杨雪'], why: 'byline, kept in bylines' },
	{ seed: '001_1101a6fbd11d82ea.txt', text: '◎ 本报记者 张佳星', keptAs: ['本报记者', '张佳星'], why: 'byline, kept in bylines' },
	{ seed: '001_1101a6fbd11d82ea.txt', text: '◎ 本报记者 崔爽', keptAs: ['本报记者', '崔爽'], why: 'byline, kept in bylines' },
	{ seed: '001_1101a6fbd11d82ea.txt', text: '陈晓根', keptAs: ['陈晓根'], why: 'photographer of the tumour story photo, kept in photoCredits' },
	{ seed: '001_1101a6fbd11d82ea.txt', text: '翟慧勇', keptAs: ['翟慧勇'], why: 'photographer of the tie-dye photo, kept in photoCredits' },
	{ seed: '001_1101a6fbd11d82ea.txt', text: '本版图片由视觉中国提供', keptAs: ['本版图片由视觉中国提供'], why: 'page-wide photo credit, kept in photoCredits of the stories with photos' },
	{ seed: '004_9f60c6357115246a.txt', text: '*本文转载自新华网', keptAs: ['本文转载自新华网'], why: 'republication note (the seed\'s `***…**` leaves a stray asterisk), kept in source.note' },
	{ seed: '004_9f60c6357115246a.txt', text: '新华网记者 凌纪伟', keptAs: ['新华网记者', '凌纪伟'], why: 'byline, kept in bylines' },
];
