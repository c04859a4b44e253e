import type { FastifyInstance } from 'fastify';
import { AppError } from '../../shared/contract/errors';
import { parseInput } from '../../shared/contract/procedure';
import { noInput } from '../../shared/contract/common';
import { userCreateInput, userUpdateInput } from '../../shared/contract/auth';
import { dailyRegisterInput } from '../../shared/contract/protocol';
import { isAllowed } from '../../shared/domain/permissions';
import { hashPassword } from '../auth/passwords';
import { dailyRegister } from '../modules/protocol/daily-register';
import { createUser, listUsers, updateUser } from '../modules/users/service';
import { requireUser, type ServerContext } from './context';

type OnlineHandler = (ctx: ServerContext, raw: unknown) => Promise<unknown>;

/** Online-only procedures: they need the register itself, not a desk's copy. */
const onlineProcedures: Record<string, OnlineHandler> = {
  'users.list': async (ctx, raw) => {
    parseInput(noInput, raw ?? {});
    return listUsers(ctx.db);
  },
  'users.create': async (ctx, raw) => {
    const input = parseInput(userCreateInput, raw);
    const hashed = await hashPassword(input.password);
    return ctx.writer.write((tx, changes) => createUser(tx, changes, input, ctx.clock(), hashed));
  },
  'users.update': async (ctx, raw) => {
    const input = parseInput(userUpdateInput, raw);
    const hashed = input.password ? await hashPassword(input.password) : undefined;
    return ctx.writer.write((tx, changes) => updateUser(tx, changes, input, ctx.clock(), hashed));
  },
  'protocol.dailyRegister': (ctx, raw) => dailyRegister(ctx.db, parseInput(dailyRegisterInput, raw).date, ctx.clock()),
};

export function apiRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post<{ Params: { name: string } }>('/api/:name', async (req) => {
    const name = req.params.name;
    const handler = Object.prototype.hasOwnProperty.call(onlineProcedures, name) ? onlineProcedures[name] : undefined;
    if (!handler) throw new AppError('UNKNOWN_PROCEDURE', `Operazione sconosciuta: ${name}.`);
    const user = await requireUser(ctx, req);
    if (!isAllowed(name, user.roles)) throw new AppError('FORBIDDEN');
    return handler(ctx, req.body ?? {});
  });
}
