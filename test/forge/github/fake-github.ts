import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A GitHub REST API on 127.0.0.1 for tests: one repository kept in memory
 * (pull requests and issues share one number sequence, as on GitHub), the
 * endpoints pagecare uses with GitHub's documented shapes and status codes,
 * and faults injected per request.
 */

export const FAKE_TOKEN = 'ghp_fakeTokenForTests0123456789abcdefXYZ';
const DOCS = 'https://docs.github.com/rest';

export interface FakeGitHubOptions {
  /** `owner/name` of the one repository served (default `acme/patient-info`). */
  repository?: string;
  /** The token every request must carry (default FAKE_TOKEN). */
  token?: string;
  /** Where the API lives under the host: '' as on api.github.com, `/api/v3` as on GitHub Enterprise Server. */
  pathPrefix?: string;
  /** Login of the token's user: the author of what it creates (default `github-actions[bot]`). */
  login?: string;
  /** Logins that may be asked for a review; undefined means anyone. */
  collaborators?: string[];
  /** Team slugs that may be asked for a review; undefined means any. */
  teams?: string[];
}

export interface FakeLabel {
  id: number;
  name: string;
  color: string;
  default: boolean;
}

export interface FakeComment {
  id: number;
  body: string;
  user: string;
  created_at: string;
}

/** A pull request or an issue as the server keeps it. */
export interface FakeItem {
  number: number;
  kind: 'pull' | 'issue';
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  stateReason: 'completed' | 'not_planned' | 'reopened' | null;
  user: string;
  labels: string[];
  comments: FakeComment[];
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  /** Pull requests only. */
  head: string;
  base: string;
  mergedAt: string | null;
  reviewers: string[];
  teams: string[];
}

export interface RecordedRequest {
  method: string;
  /** Path below the API root (prefix removed), without the query. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export interface Fault {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** How many matching requests fail this way (default 1). */
  times?: number;
  /** Destroy the socket instead of answering. */
  reset?: boolean;
  /** The request takes effect first and only its answer is replaced (GitHub acted, the client never heard). */
  afterEffect?: boolean;
  /** Only requests whose query this accepts fail (to tell a listing from a look-up on the same path). */
  when?: (query: URLSearchParams) => boolean;
}

/** The failures GitHub (or the network) produces, ready for `failNext`. */
export const faults = {
  serverError: (status = 500): Fault => ({ status, body: { message: 'Server Error' } }),
  badGateway: (): Fault => ({ status: 502, body: { message: 'Server Error' } }),
  /** A 429 that names no limit, only when to come back. */
  tooManyRequests: (retryAfter = 1): Fault => ({
    status: 429,
    headers: { 'retry-after': String(retryAfter) },
    body: { message: 'Too Many Requests', documentation_url: `${DOCS}/overview/rate-limits-for-the-rest-api` },
  }),
  secondaryRateLimit: (status: 403 | 429 = 403, retryAfter = 1): Fault => ({
    status,
    headers: { 'retry-after': String(retryAfter) },
    body: {
      message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      documentation_url: `${DOCS}/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits`,
    },
  }),
  /** The hourly quota used up, resetting `resetInSeconds` from now. */
  primaryRateLimit: (status: 403 | 429 = 403, resetInSeconds = 3600): Fault => ({
    status,
    headers: {
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-used': '5000',
      'x-ratelimit-resource': 'core',
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + resetInSeconds),
    },
    body: {
      message: 'API rate limit exceeded for installation ID 4242.',
      documentation_url: `${DOCS}/overview/rate-limits-for-the-rest-api#about-primary-rate-limits`,
    },
  }),
  /** What GitHub answers a pull request whose just-pushed head it has not indexed yet. */
  headNotReady: (): Fault => ({
    status: 422,
    body: {
      message: 'Validation Failed',
      errors: [{ resource: 'PullRequest', field: 'head', code: 'invalid' }],
      documentation_url: `${DOCS}/pulls/pulls#create-a-pull-request`,
    },
  }),
  connectionReset: (): Fault => ({ reset: true }),
};

interface PendingFault extends Fault {
  method: string;
  pattern: RegExp;
  left: number;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export interface FakeGitHub {
  /** The API root to give the client: `http://127.0.0.1:port` plus the path prefix. */
  url: string;
  repository: string;
  token: string;
  /** Every request received, faults included, in order. */
  requests: RecordedRequest[];
  /** Requests whose method and path match (`{name}` in a pattern stands for one path segment). */
  count(method: string, pathPattern: string | RegExp): number;
  /** The next `fault.times` requests matching method (`*` for any) and path fail as `fault` says. */
  failNext(method: string, pathPattern: string | RegExp, fault: Fault): void;
  /** Drop the faults not yet used. */
  clearFaults(): void;
  pulls(): FakeItem[];
  issues(): FakeItem[];
  item(number: number): FakeItem | undefined;
  /** A person opens a pull request (head defaults to a fresh branch, base to `main`). */
  openPull(fields?: Partial<Pick<FakeItem, 'title' | 'body' | 'head' | 'base' | 'user'>>): FakeItem;
  /** A person opens an issue. */
  openIssue(fields?: Partial<Pick<FakeItem, 'title' | 'body' | 'user'>>): FakeItem;
  /** A person closes a pull request or issue. */
  closeByPerson(number: number): void;
  /** A person merges a pull request. */
  merge(number: number): void;
  close(): Promise<void>;
}

export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const repository = options.repository ?? 'acme/patient-info';
  const [owner = '', repoName = ''] = repository.split('/');
  const token = options.token ?? FAKE_TOKEN;
  const prefix = options.pathPrefix ?? '';
  const login = options.login ?? 'github-actions[bot]';
  const items = new Map<number, FakeItem>();
  const repoLabels = new Map<string, FakeLabel>();
  const requests: RecordedRequest[] = [];
  const pending: PendingFault[] = [];
  let nextNumber = 1;
  let nextId = 1000;
  let origin = '';

  const now = () => new Date().toISOString();
  const webUrl = (item: FakeItem) => `${origin}/${repository}/${item.kind === 'pull' ? 'pull' : 'issues'}/${item.number}`;
  const apiUrl = (path: string) => `${origin}${prefix}${path}`;
  const labelJson = (name: string) => repoLabels.get(name.toLowerCase()) ?? { id: 0, name, color: 'ededed', default: false };
  const userJson = (name: string) => ({ login: name, type: name.endsWith('[bot]') ? 'Bot' : 'User' });
  const repoJson = () => ({ id: 1, name: repoName, full_name: repository, owner: userJson(owner), private: false });
  const refJson = (ref: string) => ({ label: `${owner}:${ref}`, ref, sha: 'f'.repeat(40), user: userJson(owner), repo: repoJson() });

  const pullJson = (item: FakeItem, single: boolean) => ({
    url: apiUrl(`/repos/${repository}/pulls/${item.number}`),
    id: item.number + 500_000,
    html_url: webUrl(item),
    number: item.number,
    state: item.state,
    locked: false,
    title: item.title,
    user: userJson(item.user),
    body: item.body,
    labels: item.labels.map(labelJson),
    created_at: item.createdAt,
    updated_at: item.updatedAt,
    closed_at: item.closedAt,
    merged_at: item.mergedAt,
    draft: false,
    requested_reviewers: item.reviewers.map(userJson),
    requested_teams: item.teams.map((slug) => ({ slug, name: slug })),
    head: refJson(item.head),
    base: refJson(item.base),
    // Only the single-pull endpoints say `merged`; the list leaves it out.
    ...(single ? { merged: item.mergedAt !== null, mergeable: null, comments: item.comments.length } : {}),
  });

  const issueJson = (item: FakeItem) => ({
    url: apiUrl(`/repos/${repository}/issues/${item.number}`),
    id: item.number + 900_000,
    html_url: webUrl(item),
    number: item.number,
    state: item.state,
    state_reason: item.stateReason,
    title: item.title,
    body: item.body,
    user: userJson(item.user),
    labels: item.labels.map(labelJson),
    comments: item.comments.length,
    created_at: item.createdAt,
    updated_at: item.updatedAt,
    closed_at: item.closedAt,
    ...(item.kind === 'pull'
      ? { pull_request: { url: apiUrl(`/repos/${repository}/pulls/${item.number}`), html_url: webUrl(item), merged_at: item.mergedAt } }
      : {}),
  });

  const commentJson = (item: FakeItem, comment: FakeComment) => ({
    id: comment.id,
    body: comment.body,
    user: userJson(comment.user),
    html_url: `${webUrl(item)}#issuecomment-${comment.id}`,
    created_at: comment.created_at,
    updated_at: comment.created_at,
  });

  const newItem = (kind: FakeItem['kind'], fields: Partial<FakeItem>): FakeItem => {
    const stamp = now();
    const item: FakeItem = {
      number: nextNumber++,
      kind,
      title: '',
      body: null,
      state: 'open',
      stateReason: null,
      user: login,
      labels: [],
      comments: [],
      createdAt: stamp,
      updatedAt: stamp,
      closedAt: null,
      head: '',
      base: '',
      mergedAt: null,
      reviewers: [],
      teams: [],
      ...fields,
    };
    items.set(item.number, item);
    return item;
  };

  const setState = (item: FakeItem, state: unknown, reason?: unknown) => {
    if (state !== 'open' && state !== 'closed') return;
    if (state === item.state) return;
    if (state === 'open' && item.mergedAt) throw new HttpError(422, 'Validation Failed', { errors: [{ message: 'Cannot reopen a merged pull request' }] });
    item.state = state;
    item.closedAt = state === 'closed' ? now() : null;
    item.stateReason = item.kind === 'pull' ? null : state === 'closed' ? (reason === 'not_planned' ? 'not_planned' : 'completed') : 'reopened';
  };

  const find = (number: string | undefined, kind?: FakeItem['kind']): FakeItem => {
    const item = items.get(Number(number));
    if (!item || (kind && item.kind !== kind)) throw new HttpError(404, 'Not Found');
    return item;
  };

  const text = (value: unknown, field: string, required = false): string | undefined => {
    if (value === undefined || value === null) {
      if (required) throw new HttpError(422, 'Invalid request.', { errors: [`"${field}" wasn't supplied.`] });
      return undefined;
    }
    if (typeof value !== 'string') throw new HttpError(422, 'Invalid request.', { errors: [`For 'properties/${field}', ${JSON.stringify(value)} is not a string.`] });
    return value;
  };

  const stringList = (value: unknown, field: string): string[] => {
    if (value === undefined) return [];
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
      throw new HttpError(422, 'Invalid request.', { errors: [`For 'properties/${field}', ${JSON.stringify(value)} is not an array of strings.`] });
    }
    return value as string[];
  };

  /** Newest first, as GitHub lists by default, then cut into pages with a Link header. */
  const page = <T>(all: T[], query: URLSearchParams, path: string, res: ServerResponse): T[] => {
    const perPage = Math.min(Math.max(Number(query.get('per_page') ?? 30) || 30, 1), 100);
    const pageNumber = Math.max(Number(query.get('page') ?? 1) || 1, 1);
    const last = Math.max(Math.ceil(all.length / perPage), 1);
    const link = (n: number, rel: string) => {
      const q = new URLSearchParams(query);
      q.set('page', String(n));
      q.set('per_page', String(perPage));
      return `<${apiUrl(path)}?${q}>; rel="${rel}"`;
    };
    const links = [];
    if (pageNumber < last) links.push(link(pageNumber + 1, 'next'), link(last, 'last'));
    if (pageNumber > 1) links.push(link(1, 'first'), link(pageNumber - 1, 'prev'));
    if (links.length > 0) res.setHeader('link', links.join(', '));
    return all.slice((pageNumber - 1) * perPage, pageNumber * perPage);
  };

  const ordered = (list: FakeItem[], query: URLSearchParams) => {
    const key = query.get('sort') === 'updated' ? 'updatedAt' : 'createdAt';
    const ascending = query.get('direction') === 'asc';
    return [...list].sort((a, b) => {
      const order = a[key] === b[key] ? a.number - b.number : a[key] < b[key] ? -1 : 1;
      return ascending ? order : -order;
    });
  };

  const stateFilter = (query: URLSearchParams) => {
    const state = query.get('state') ?? 'open';
    return (item: FakeItem) => state === 'all' || item.state === state;
  };

  const addLabels = (item: FakeItem, names: string[]) => {
    for (const name of names) {
      // Adding a label the repository lacks creates it, as GitHub does.
      if (!repoLabels.has(name.toLowerCase())) repoLabels.set(name.toLowerCase(), { id: nextId++, name, color: 'ededed', default: false });
      if (!item.labels.some((l) => l.toLowerCase() === name.toLowerCase())) item.labels.push(repoLabels.get(name.toLowerCase())!.name);
    }
    item.updatedAt = now();
  };

  type Handler = (args: {
    params: string[];
    query: URLSearchParams;
    body: Record<string, unknown>;
    res: ServerResponse;
    path: string;
  }) => [number, unknown];

  const routes: [string, RegExp, Handler][] = [];
  const route = (method: string, pattern: string, handler: Handler) =>
    routes.push([method, new RegExp(`^${pattern.replace(/\{[a-z_]+\}/g, '([^/]+)')}$`), handler]);
  const R = `/repos/${escapeRegExp(owner)}/${escapeRegExp(repoName)}`;

  route('GET', `${R}/pulls`, ({ query, res, path }) => {
    let list = [...items.values()].filter((i) => i.kind === 'pull').filter(stateFilter(query));
    const head = query.get('head');
    if (head) list = list.filter((i) => `${owner}:${i.head}` === (head.includes(':') ? head : `${owner}:${head}`));
    const base = query.get('base');
    if (base) list = list.filter((i) => i.base === base);
    return [200, page(ordered(list, query), query, path, res).map((i) => pullJson(i, false))];
  });

  route('POST', `${R}/pulls`, ({ body }) => {
    const title = text(body.title, 'title', true)!;
    const rawHead = text(body.head, 'head', true)!;
    const base = text(body.base, 'base', true)!;
    const head = rawHead.startsWith(`${owner}:`) ? rawHead.slice(owner.length + 1) : rawHead;
    const open = [...items.values()].find((i) => i.kind === 'pull' && i.state === 'open' && i.head === head && i.base === base);
    if (open) {
      throw new HttpError(422, 'Validation Failed', {
        errors: [{ resource: 'PullRequest', code: 'custom', message: `A pull request already exists for ${owner}:${head}.` }],
      });
    }
    const item = newItem('pull', { title, body: text(body.body, 'body') ?? null, head, base });
    return [201, pullJson(item, true)];
  });

  route('GET', `${R}/pulls/{n}`, ({ params }) => [200, pullJson(find(params[0], 'pull'), true)]);

  route('PATCH', `${R}/pulls/{n}`, ({ params, body }) => {
    const item = find(params[0], 'pull');
    item.title = text(body.title, 'title') ?? item.title;
    if (body.body !== undefined) item.body = text(body.body, 'body') ?? null;
    item.base = text(body.base, 'base') ?? item.base;
    setState(item, body.state);
    item.updatedAt = now();
    return [200, pullJson(item, true)];
  });

  route('POST', `${R}/pulls/{n}/requested_reviewers`, ({ params, body }) => {
    const item = find(params[0], 'pull');
    const users = stringList(body.reviewers, 'reviewers');
    const teams = stringList(body.team_reviewers, 'team_reviewers');
    const strangers = [
      ...users.filter((u) => u === item.user || (options.collaborators && !options.collaborators.includes(u))),
      ...teams.filter((t) => options.teams && !options.teams.includes(t)),
    ];
    if (users.includes(item.user)) throw new HttpError(422, 'Review cannot be requested from pull request author.');
    if (strangers.length > 0) {
      throw new HttpError(
        422,
        `Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the ${repository} repository.`,
      );
    }
    for (const u of users) if (!item.reviewers.includes(u)) item.reviewers.push(u);
    for (const t of teams) if (!item.teams.includes(t)) item.teams.push(t);
    return [201, pullJson(item, true)];
  });

  route('GET', `${R}/issues`, ({ query, res, path }) => {
    let list = [...items.values()].filter(stateFilter(query));
    const creator = query.get('creator');
    if (creator) list = list.filter((i) => i.user === creator);
    const labels = query.get('labels');
    if (labels) {
      const wanted = labels.split(',').map((l) => l.trim().toLowerCase());
      list = list.filter((i) => wanted.every((w) => i.labels.some((l) => l.toLowerCase() === w)));
    }
    return [200, page(ordered(list, query), query, path, res).map(issueJson)];
  });

  route('POST', `${R}/issues`, ({ body }) => {
    const item = newItem('issue', { title: text(body.title, 'title', true)!, body: text(body.body, 'body') ?? null });
    addLabels(item, stringList(body.labels, 'labels'));
    return [201, issueJson(item)];
  });

  route('GET', `${R}/issues/{n}`, ({ params }) => [200, issueJson(find(params[0]))]);

  route('PATCH', `${R}/issues/{n}`, ({ params, body }) => {
    const item = find(params[0]);
    item.title = text(body.title, 'title') ?? item.title;
    if (body.body !== undefined) item.body = text(body.body, 'body') ?? null;
    setState(item, body.state, body.state_reason);
    item.updatedAt = now();
    return [200, issueJson(item)];
  });

  route('POST', `${R}/issues/{n}/labels`, ({ params, body }) => {
    const item = find(params[0]);
    addLabels(item, stringList(body.labels, 'labels'));
    return [200, item.labels.map(labelJson)];
  });

  route('GET', `${R}/issues/{n}/comments`, ({ params, query, res, path }) => {
    const item = find(params[0]);
    return [200, page(item.comments, query, path, res).map((c) => commentJson(item, c))];
  });

  route('POST', `${R}/issues/{n}/comments`, ({ params, body }) => {
    const item = find(params[0]);
    const comment = { id: nextId++, body: text(body.body, 'body', true)!, user: login, created_at: now() };
    item.comments.push(comment);
    item.updatedAt = comment.created_at;
    return [201, commentJson(item, comment)];
  });

  const authorised = (headers: IncomingHttpHeaders) => {
    const value = headers.authorization ?? '';
    return value === `token ${token}` || value === `Bearer ${token}`;
  };

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    const payload = body === undefined ? '' : JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'x-github-request-id': `FAKE:${requests.length}`,
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '4999',
      'x-ratelimit-resource': 'core',
      ...headers,
    });
    res.end(payload);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const inPrefix = url.pathname === prefix || url.pathname.startsWith(`${prefix}/`);
    const path = inPrefix ? url.pathname.slice(prefix.length) || '/' : url.pathname;
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      requests.push({ method, path, query: url.searchParams, headers: req.headers, body: raw });
      return send(res, 400, { message: 'Problems parsing JSON', documentation_url: DOCS });
    }
    requests.push({ method, path, query: url.searchParams, headers: req.headers, body });

    const fault = pending.find(
      (f) => (f.method === '*' || f.method === method) && f.pattern.test(path) && (f.when?.(url.searchParams) ?? true),
    );
    if (fault) {
      if (--fault.left <= 0) pending.splice(pending.indexOf(fault), 1);
      // The effect's own answer (and any headers it sets) goes nowhere.
      if (fault.afterEffect) respond(req, url, method, path, inPrefix, body, { setHeader: () => undefined } as unknown as ServerResponse, () => undefined);
      if (fault.reset) return void req.socket.destroy();
      return send(res, fault.status ?? 500, fault.body ?? { message: 'Server Error' }, fault.headers);
    }
    respond(req, url, method, path, inPrefix, body, res, (status, json) => send(res, status, json));
  };

  /** Authorise, route and run a request, handing the answer to `answer`. */
  const respond = (
    req: IncomingMessage,
    url: URL,
    method: string,
    path: string,
    inPrefix: boolean,
    body: unknown,
    res: ServerResponse,
    answer: (status: number, json: unknown) => void,
  ) => {
    if (!authorised(req.headers)) return answer(401, { message: 'Bad credentials', documentation_url: DOCS });
    if (!inPrefix) return answer(404, { message: 'Not Found', documentation_url: DOCS });

    for (const [routeMethod, pattern, handler] of routes) {
      const match = pattern.exec(path);
      if (!match || routeMethod !== method) continue;
      try {
        const args = { params: match.slice(1), query: url.searchParams, body: (body ?? {}) as Record<string, unknown>, res, path };
        const [status, json] = handler(args);
        return answer(status, json);
      } catch (error) {
        if (!(error instanceof HttpError)) throw error;
        return answer(error.status, { message: error.message, ...error.extra, documentation_url: DOCS, status: String(error.status) });
      }
    }
    return answer(404, { message: 'Not Found', documentation_url: DOCS, status: '404' });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, { message: `fake-github: ${String(error)}` });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const toPattern = (pathPattern: string | RegExp) =>
    typeof pathPattern === 'string'
      ? new RegExp(`^${escapeRegExp(pathPattern).replace(/\\\{[a-z_]+\\\}/g, '[^/]+')}$`)
      : pathPattern;

  return {
    url: `${origin}${prefix}`,
    repository,
    token,
    requests,
    count: (method, pathPattern) => {
      const pattern = toPattern(pathPattern);
      return requests.filter((r) => r.method === method && pattern.test(r.path)).length;
    },
    failNext: (method, pathPattern, fault) =>
      void pending.push({ ...fault, method: method.toUpperCase(), pattern: toPattern(pathPattern), left: fault.times ?? 1 }),
    clearFaults: () => void pending.splice(0),
    pulls: () => [...items.values()].filter((i) => i.kind === 'pull'),
    issues: () => [...items.values()].filter((i) => i.kind === 'issue'),
    item: (number) => items.get(number),
    openPull: (fields = {}) => newItem('pull', { title: 'A change', head: `person/change-${nextNumber}`, base: 'main', user: 'a-person', ...fields }),
    openIssue: (fields = {}) => newItem('issue', { title: 'A question', user: 'a-person', ...fields }),
    closeByPerson: (number) => {
      const item = find(String(number));
      setState(item, 'closed');
      item.updatedAt = now();
    },
    merge: (number) => {
      const item = find(String(number), 'pull');
      item.mergedAt = now();
      setState(item, 'closed');
      item.updatedAt = item.mergedAt;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
