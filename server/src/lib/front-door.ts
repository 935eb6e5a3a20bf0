// The HTTP server in front of Fastify: each request is first offered to the answerers plugins put here
// (the response cache answers the hot hits of its in-process layer there, without the routing, hooks and
// reply objects of the framework), and goes to Fastify when none takes it. Fastify builds the server
// through `serverFactory`, so it keeps its own timeouts, listening and closing.
import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerOptions,
  type ServerResponse,
} from 'node:http';

/** Answers the request and returns true, or returns false having written nothing. */
export type FrontAnswerer = (request: IncomingMessage, response: ServerResponse) => boolean;

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

export class FrontDoor {
  private readonly answerers: FrontAnswerer[] = [];
  /** Requests answered here since the start. */
  answered = 0;

  use(answerer: FrontAnswerer): void {
    this.answerers.push(answerer);
  }

  /** For Fastify's `serverFactory`: the server Fastify would build, with the answerers first. */
  readonly serverFactory = (handler: Handler, opts: Record<string, unknown>): Server => {
    // Fastify's options with its defaults filled in.
    const options = opts as {
      http?: ServerOptions | null;
      keepAliveTimeout: number;
      requestTimeout: number;
      connectionTimeout: number;
      maxRequestsPerSocket: number;
    };
    const server = createServer(options.http ?? {}, (request, response) => {
      for (const answer of this.answerers) {
        if (answer(request, response)) {
          this.answered += 1;
          return;
        }
      }
      handler(request, response);
    });
    // What Fastify sets on the server it builds itself (lib/server.js).
    server.keepAliveTimeout = options.keepAliveTimeout;
    server.requestTimeout = options.requestTimeout;
    server.setTimeout(options.connectionTimeout);
    if (options.maxRequestsPerSocket > 0) server.maxRequestsPerSocket = options.maxRequestsPerSocket;
    return server;
  };
}
