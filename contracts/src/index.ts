// The HTTP contract shared by the server (validation, serialisation, OpenAPI) and the web client (types).
export * from './common';
export * from './system';
