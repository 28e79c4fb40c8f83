/**
 * What the accounting bench figures set up through the API: a request helper and a company with
 * the starter chart, its journals and the 2026 fiscal year.
 */

/** One API request as the logged-in bench user; anything but 2xx stops the bench. */
export async function apiCall(base: string, cookie: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(300_000),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

export interface BenchBooks {
  companyId: string;
  /** Account ids by code in the starter chart. */
  account: Record<string, string>;
  /** Journal ids by code. */
  journal: Record<string, string>;
}

/** A company in euros with the starter chart, these journals and the 2026 fiscal year. */
export async function benchBooks(
  base: string,
  cookie: string,
  name: string,
  journals: { code: string; name: string; kind: string; defaultAccount?: string }[],
): Promise<BenchBooks> {
  const company = await apiCall(base, cookie, 'POST', '/companies', { name, baseCurrency: 'EUR' });
  const chart = await apiCall(base, cookie, 'POST', `/companies/${company.id}/chart-of-accounts/template`);
  const account: Record<string, string> = Object.fromEntries(
    chart.accounts.map((a: { code: string; id: string }) => [a.code, a.id]),
  );
  const journal: Record<string, string> = {};
  for (const { defaultAccount, ...fields } of journals)
    journal[fields.code] = (
      await apiCall(base, cookie, 'POST', '/journals', {
        companyId: company.id,
        ...fields,
        ...(defaultAccount ? { defaultAccountId: account[defaultAccount] } : {}),
      })
    ).id;
  await apiCall(base, cookie, 'POST', '/fiscal-years', { companyId: company.id, startsOn: '2026-01-01' });
  return { companyId: company.id, account, journal };
}
