/** Site-wide strings shown to readers. */
export const SITE = {
	title: '会记',
	tagline: '论坛与学术会议纪实',
	description: '中关村论坛系列活动、细胞科学北京学术会议、科学智能峰会等论坛与会议的日程、嘉宾与报道汇编。',
	lang: 'zh-CN',
};
