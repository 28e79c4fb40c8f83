import type { FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../actions/actor.js';
import { sendProblem } from '../http/errors.js';
import { forbidden } from '../http/problem.js';

/** For reads: actions check their own permission, lists and cards use this. Any one of the permissions will do. */
export function requirePermission(...permissions: string[]) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (permissions.some((p) => can(request.actor, p))) return;
    const needed = permissions.map((p) => `"${p}"`).join(' or ');
    return sendProblem(reply, forbidden(`You need the ${needed} permission to see this.`));
  };
}
