import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { eq, sql } from 'drizzle-orm';
import { createApp, MODULES, migrateDatabase, openDatabase } from './app.js';
import { DEMO_ADMIN_EMAIL, seedDemo, seedFirstWorkspace } from './demo.js';
import { systemActor } from './platform/actions/actor.js';
import { type Config, readConfig } from './platform/config.js';
import { backupDatabase, type Progress, restoreDatabase } from './platform/db/backup.js';
import type { Database } from './platform/db/database.js';
import { DataDirLockedError } from './platform/db/lock-file.js';
import { DEMO_USER_PASSWORD } from './platform/demo-data.js';
import { Platform } from './platform/platform.js';
import { roles } from './platform/rbac/schema.js';
import { tenants } from './platform/tenancy/schema.js';
import { createUser } from './platform/users/actions/create-user.js';

import { buildWeb, webBuildNeeded } from './web-build.js';

const USAGE = `Usage: tandem <command> [options]

  start                       migrate, load the demo on an empty database, serve the app
  migrate                     apply database migrations
  seed-demo [--force]         load the demo workspace (again, with --force)
  create-user --email E --name N --password P [--role admin] [--tenant ID]
  backup [FILE]               write a backup (default backups/tandem-<time>.json.gz)
  restore FILE --yes          replace the whole database with a backup

Environment: DATABASE_URL (PostgreSQL; default: embedded in ./data), PORT, HOST,
TANDEM_ADMIN_EMAIL, TANDEM_ADMIN_PASSWORD, TANDEM_DATA_DIR.`;

async function step<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  process.stdout.write(`• ${label}… `);
  const result = await work();
  process.stdout.write(`done (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  return result;
}

function progressBar(label: string): { update: Progress; stop: () => void } {
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {value}/{total} tables  {table}`, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update: (table, done, total) => {
      if (!started) {
        bar.start(total, 0, { table });
        started = true;
      }
      bar.update(done, { table });
    },
    stop: () => started && bar.stop(),
  };
}

async function open(config: Config): Promise<Database> {
  try {
    const database = await openDatabase(config);
    await migrateDatabase(config, database);
    return database;
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

async function hasTenants(database: Database) {
  const [row] = await database.db.select({ n: sql<number>`count(*)::int` }).from(tenants);
  return row.n > 0;
}

function printDemoLogin(email: string, password: string | undefined) {
  console.log('\nA demo workspace is ready.');
  console.log(
    `  Log in as ${email}${password ? ` with the password ${password}` : ' with TANDEM_ADMIN_PASSWORD'}`,
  );
  console.log(`  Other demo people (maria.sales@demo.tandem, ...) use the password ${DEMO_USER_PASSWORD}\n`);
}

async function start(config: Config) {
  if (webBuildNeeded()) {
    // Without the pages the API still serves integrations, so a failed build is reported, not fatal.
    await step('Building the web app', buildWeb).catch((error) =>
      console.error(`\n${error.message}; serving the API only.`),
    );
  }
  const database = await step(
    `Opening the ${config.databaseUrl ? 'PostgreSQL' : `embedded database in ${config.dataDir}`} and migrating`,
    () => open(config),
  );
  const { platform, server } = await createApp(config, database, { logger: true });
  const admin = { email: config.adminEmail, password: config.adminPassword };
  if (!(await hasTenants(database)) && config.demo) {
    const login = await step('Loading the demo workspace', () => seedDemo(platform, admin));
    printDemoLogin(login.email, login.generatedPassword);
  } else if (!(await hasTenants(database))) {
    const company = { name: config.companyName, baseCurrency: config.baseCurrency };
    const login = await step('Creating the first workspace', () =>
      seedFirstWorkspace(platform, admin, company),
    );
    const how = login.generatedPassword
      ? ` with the password ${login.generatedPassword}`
      : ' with TANDEM_ADMIN_PASSWORD';
    console.log(`\n  Log in as ${login.email}${how}\n`);
  }
  await step('Starting background jobs', () => platform.startJobs());
  await server.listen({ port: config.port, host: config.host });
  console.log(
    `\nTandem is serving http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}  (API docs: /api/docs)\n`,
  );
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('Stopping…');
    await server.close();
    await platform.stop();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function withDatabase(config: Config, work: (database: Database, platform: Platform) => Promise<void>) {
  const database = await open(config);
  try {
    await work(database, new Platform(config, database, MODULES));
  } finally {
    await database.close();
  }
}

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
      role: { type: 'string', default: 'admin' },
      tenant: { type: 'string' },
      force: { type: 'boolean', default: false },
      yes: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, arg] = positionals;
  const config = readConfig();
  if (!command || values.help) {
    console.log(USAGE);
    return;
  }
  switch (command) {
    case 'start':
      return start(config);
    case 'migrate':
      await withDatabase(config, async () => console.log('Migrations applied.'));
      return;
    case 'seed-demo':
      await withDatabase(config, async (database, platform) => {
        if ((await hasTenants(database)) && !values.force) {
          console.log('The database already has a workspace; use --force to add another demo workspace.');
          return;
        }
        const login = await step('Loading the demo workspace', () =>
          seedDemo(platform, {
            email: config.adminEmail ?? (values.force ? `admin+${Date.now()}@demo.tandem` : DEMO_ADMIN_EMAIL),
            password: config.adminPassword,
          }),
        );
        printDemoLogin(login.email, login.generatedPassword);
      });
      return;
    case 'create-user':
      await withDatabase(config, async (database, platform) => {
        if (!values.email || !values.name || !values.password)
          throw new UsageError('create-user needs --email, --name and --password');
        const [tenant] = values.tenant
          ? await database.db.select().from(tenants).where(eq(tenants.id, values.tenant))
          : await database.db.select().from(tenants).orderBy(tenants.createdAt).limit(1);
        if (!tenant)
          throw new UsageError(
            values.tenant
              ? `No workspace has the id ${values.tenant}`
              : 'There is no workspace yet: run `tandem start` or `tandem seed-demo` first',
          );
        const [role] = await platform.read({ tenantId: tenant.id, userId: null }, (tx) =>
          tx.select().from(roles).where(eq(roles.key, values.role!)),
        );
        if (!role)
          throw new UsageError(
            `No built-in role "${values.role}" (admin, sales_manager, sales_rep, accountant, warehouse, production, hr)`,
          );
        await platform.runner.run(createUser, systemActor(tenant.id), {
          email: values.email,
          name: values.name,
          password: values.password,
          roleIds: [role.id],
        });
        console.log(`${values.email} can now log in to "${tenant.name}" as ${role.name}.`);
      });
      return;
    case 'backup':
      await withDatabase(config, async (database) => {
        const file = path.resolve(
          arg ?? path.join('backups', `tandem-${new Date().toISOString().replaceAll(':', '-')}.json.gz`),
        );
        fs.mkdirSync(path.dirname(file), { recursive: true });
        const bar = progressBar('Backing up');
        const result = await backupDatabase(database, file, bar.update);
        bar.stop();
        console.log(`Wrote ${result.rows} rows of ${result.tables} tables to ${file}`);
      });
      return;
    case 'restore':
      await withDatabase(config, async (database) => {
        if (!arg) throw new UsageError('restore needs the backup file');
        if ((await hasTenants(database)) && !values.yes)
          throw new UsageError('This replaces everything in the database. Run again with --yes to go ahead.');
        const bar = progressBar('Restoring');
        const result = await restoreDatabase(database, path.resolve(arg), bar.update);
        bar.stop();
        console.log(`Restored ${result.rows} rows of ${result.tables} tables.`);
      });
      return;
    default:
      throw new UsageError(`Unknown command "${command}".\n\n${USAGE}`);
  }
}

class UsageError extends Error {}

main().catch((error) => {
  console.error(error instanceof UsageError ? error.message : error);
  process.exit(1);
});
