// The bare Fastify "hello world" route the gallery's request rate is compared with (SPEC §12). Run as
// a child process of `genonaut bench`, so it has an event loop of its own like the API.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/', () => ({ hello: 'world' }));
const address = await app.listen({ host: '127.0.0.1', port: 0 });
process.send?.({ address });
process.on('disconnect', () => {
  void app.close().then(() => process.exit(0));
});
