import path from 'node:path';

/** Everything Tandem reads from its environment, read once and in one place. */
export interface Config {
  /** PostgreSQL URL for server mode; empty means the embedded database in `dataDir`. */
  databaseUrl?: string;
  /** Owner URL for migrations when the app's own login role may not alter the schema. */
  migrateDatabaseUrl?: string;
  dataDir: string;
  host: string;
  port: number;
  adminEmail?: string;
  adminPassword?: string;
  /** Cookies need the Secure flag behind HTTPS; a plain localhost trial does not have it. */
  secureCookies: boolean;
  logLevel: string;
  /** Behind a reverse proxy, trust its X-Forwarded-For (for client addresses and rate limits). */
  trustProxy: boolean;
  /** On an empty database: load the demo workspace (default) or make one clean workspace. */
  demo: boolean;
  companyName: string;
  baseCurrency: string;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    migrateDatabaseUrl: env.MIGRATE_DATABASE_URL || undefined,
    dataDir: path.resolve(env.TANDEM_DATA_DIR || 'data'),
    host: env.HOST || '127.0.0.1',
    port: Number(env.PORT || 3000),
    adminEmail: env.TANDEM_ADMIN_EMAIL || undefined,
    adminPassword: env.TANDEM_ADMIN_PASSWORD || undefined,
    secureCookies: env.TANDEM_SECURE_COOKIES === 'true',
    logLevel: env.LOG_LEVEL || 'info',
    trustProxy: env.TRUST_PROXY === 'true',
    demo: env.TANDEM_DEMO !== 'false',
    companyName: env.TANDEM_COMPANY_NAME || 'My Company',
    baseCurrency: env.TANDEM_BASE_CURRENCY || 'EUR',
  };
}
