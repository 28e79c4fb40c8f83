import type { FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../actions/actor.js';
import { sendProblem } from '../http/errors.js';
import { forbidden } from '../http/problem.js';

/** For reads: actions check their own permission, lists and cards use this. */
export function requirePermission(permission: string) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (!can(request.actor, permission))
      return sendProblem(reply, forbidden(`You need the "${permission}" permission to see this.`));
  };
}
