// A real HTTP server on 127.0.0.1 speaking OpenAI's POST /v1/chat/completions, for driving the real
// LangChain client over the wire. Each request takes the next scripted behaviour (then the default):
// a normal reply, a reply delayed past the client's timeout, an HTTP error (429 with Retry-After, 500),
// or a malformed JSON body. It records every request; a wrong bearer key gets 401 like the real API.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Behaviour =
  | { kind: 'reply'; content: string }
  | { kind: 'delay'; ms: number; content: string }
  | { kind: 'error'; status: number; retryAfterSeconds?: number; message?: string }
  | { kind: 'malformed' };

export interface RecordedRequest {
  path: string;
  authorization: string | undefined;
  body: any;
  at: number;
}

export class OpenAiCompatibleServer {
  readonly requests: RecordedRequest[] = [];
  private readonly server: http.Server;
  private readonly scripted: Behaviour[] = [];
  private fallbackBehaviour: Behaviour = { kind: 'reply', content: 'OK [1]' };
  private port = 0;
  private nextId = 1;

  private constructor(readonly apiKey: string) {
    this.server = http.createServer((req, res) => void this.handle(req, res));
  }

  static async start(options: { apiKey?: string } = {}): Promise<OpenAiCompatibleServer> {
    const server = new OpenAiCompatibleServer(options.apiKey ?? 'sk-test-local-0123456789abcdef');
    await new Promise<void>((resolve) => server.server.listen(0, '127.0.0.1', resolve));
    server.port = (server.server.address() as AddressInfo).port;
    return server;
  }

  /** For LLM_BASE_URL. */
  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}/v1`;
  }

  /** Queue behaviours for the next requests, in order. */
  script(...behaviours: Behaviour[]): this {
    this.scripted.push(...behaviours);
    return this;
  }

  /** What every request gets once the script is used up. */
  setDefault(behaviour: Behaviour): this {
    this.fallbackBehaviour = behaviour;
    return this;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const raw = await readBody(req);
    let body: any = null;
    try {
      body = JSON.parse(raw);
    } catch {
      body = raw;
    }
    const path = (req.url ?? '').split('?')[0];
    this.requests.push({ path, authorization: req.headers.authorization, body, at: Date.now() });

    if (req.method !== 'POST' || path !== '/v1/chat/completions') {
      return sendJson(res, 404, { error: { message: `Unknown request ${req.method} ${path}`, type: 'invalid_request_error', code: 'unknown_url' } });
    }
    if (req.headers.authorization !== `Bearer ${this.apiKey}`) {
      return sendJson(res, 401, { error: { message: 'Incorrect API key provided.', type: 'invalid_request_error', code: 'invalid_api_key' } });
    }

    const behaviour = this.scripted.shift() ?? this.fallbackBehaviour;
    switch (behaviour.kind) {
      case 'reply':
        return sendJson(res, 200, this.completion(body?.model, behaviour.content));
      case 'delay': {
        const timer = setTimeout(() => sendJson(res, 200, this.completion(body?.model, behaviour.content)), behaviour.ms);
        res.on('close', () => clearTimeout(timer)); // the client gave up
        return;
      }
      case 'error': {
        const headers: Record<string, string> = behaviour.retryAfterSeconds === undefined ? {} : { 'retry-after': String(behaviour.retryAfterSeconds) };
        const type = behaviour.status === 429 ? 'rate_limit_exceeded' : 'server_error';
        return sendJson(res, behaviour.status, { error: { message: behaviour.message ?? `Scripted ${behaviour.status}`, type, code: type } }, headers);
      }
      case 'malformed':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"id": "chatcmpl-broken", "choices": [{"message": {"role": "assistant", "content": "cut off');
        return;
    }
  }

  private completion(model: unknown, content: string): Record<string, unknown> {
    return {
      id: `chatcmpl-${this.nextId++}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: typeof model === 'string' ? model : 'unknown',
      choices: [{ index: 0, message: { role: 'assistant', content }, logprobs: null, finish_reason: 'stop' }],
      usage: { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 },
    };
  }
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}
