import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import {
  ApiTokenList,
  ChangePasswordBody,
  CreatedToken,
  CreateTokenBody,
  errorResponses,
  LoginBody,
  NoContent,
  RegisterBody,
  TokenIdParams,
  UserResponse,
} from '@genonaut/contracts';
import { callerOf } from '../../plugins/auth';
import { findUserById } from '../users/users.repository';
import { toCurrentUser } from '../users/users.mapper';
import { notFound } from '../../errors';
import {
  changePassword,
  createToken,
  deleteToken,
  login,
  register,
  tokensOf,
  type AuthDeps,
} from './auth.service';

export const authRoutes: FastifyPluginCallbackTypebox = (app, _opts, done) => {
  const deps = (): AuthDeps => ({ db: app.db, redis: app.redis, config: app.config, sessions: app.sessions });
  const tags = ['Auth'];

  app.post(
    '/auth/register',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Create an account and sign in',
        body: RegisterBody,
        response: { 201: UserResponse, ...errorResponses(400, 403, 409, 429, 503) },
      },
    },
    async (request, reply) => {
      const user = await register(deps(), request.body, request.ip);
      await app.startSession(reply, user, request);
      return reply.status(201).send({ user: toCurrentUser(user) });
    },
  );

  app.post(
    '/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Sign in with username or email and password',
        body: LoginBody,
        response: { 200: UserResponse, ...errorResponses(400, 401, 429, 503) },
      },
    },
    async (request, reply) => {
      const user = await login(deps(), request.body.login, request.body.password, request.ip);
      await app.startSession(reply, user, request);
      return { user: toCurrentUser(user) };
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'End this session',
        response: { 204: NoContent, ...errorResponses(403, 503) },
      },
    },
    async (request, reply) => {
      await app.endSession(reply, request);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'The signed-in user',
        response: { 200: UserResponse, ...errorResponses(401, 503) },
      },
    },
    async (request) => {
      const user = await findUserById(app.db, callerOf(request).id);
      if (!user) throw notFound('User');
      return { user: toCurrentUser(user) };
    },
  );

  app.post(
    '/auth/password',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Change your password (ends your other sessions)',
        body: ChangePasswordBody,
        response: { 204: NoContent, ...errorResponses(400, 401, 403, 503) },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      await changePassword(deps(), caller.id, request.body, caller.sessionId, request.ip);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/tokens',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Your personal API tokens',
        response: { 200: ApiTokenList, ...errorResponses(401) },
      },
    },
    async (request) => ({ items: await tokensOf(app.db, callerOf(request).id) }),
  );

  app.post(
    '/auth/tokens',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Create a personal API token (the secret is shown only in this answer)',
        body: CreateTokenBody,
        response: { 201: CreatedToken, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createToken(deps(), callerOf(request).id, request.body.name, request.ip)),
  );

  app.delete(
    '/auth/tokens/:id',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Revoke a personal API token',
        params: TokenIdParams,
        response: { 204: NoContent, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      try {
        await deleteToken(deps(), callerOf(request).id, request.params.id, request.ip);
      } finally {
        app.callers.changed();
      }
      return reply.status(204).send(null);
    },
  );

  done();
};
