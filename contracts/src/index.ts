// The HTTP contract shared by the server (validation, serialisation, OpenAPI) and the web client (types).
export * from './analytics';
export * from './auth';
export * from './bookmarks';
export * from './comfyui';
export * from './common';
export * from './content';
export * from './generation';
export * from './notifications';
export * from './realtime';
export * from './search-history';
export * from './system';
export * from './tags';
export * from './users';
export * from './moderation';
export * from './recommendations';
