export * from './article';
export * from './common';
export * from './event';
export * from './organization';
export * from './series';
export * from './speaker';
export * from './topic';
export * from './site';
