// The HTTP contract shared by the server (validation, serialisation, OpenAPI) and the web client (types).
export * from './auth';
export * from './common';
export * from './content';
export * from './system';
export * from './tags';
export * from './users';
