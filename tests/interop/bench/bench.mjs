// Benchmark: the Auth0ApiKit emulator against oauth2-mock-server, both on loopback, in the same run, driven by the
// same load generator (autocannon, in this process) at the same concurrency. Measures RS256 client-credentials tokens
// per second (every response a 200 with a freshly signed token) and start-up time (process start to first token).
// The machine is noisy (2 shared cores), so the servers take turns over several rounds and the medians are compared.
// Usage: node bench.mjs [--connections 16] [--duration 10] [--warmup 3] [--rounds 3] [--startups 5]
import { spawn } from 'node:child_process';
import { createPublicKey, verify } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { emulatorDll } from '../node/emulator.mjs';

const nodeProject = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../node');
const require = createRequire(path.join(nodeProject, 'package.json'));
const autocannon = require('autocannon');
const mockServerCli = path.join(nodeProject, 'node_modules/oauth2-mock-server/dist/oauth2-mock-server.mjs');

const settings = { connections: 16, duration: 10, warmup: 3, rounds: 3, startups: 5 };
for (let i = 2; i < process.argv.length; i += 2) {
  const name = process.argv[i].replace(/^--/, '');
  if (!(name in settings)) throw new Error(`unknown option ${process.argv[i]}`);
  settings[name] = Number(process.argv[i + 1]);
}

const audience = 'https://bench.example.com';
const clientId = 'benchClient0000000000000000000001';
const clientSecret = 'bench-secret-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJKLMN';
const scratch = mkdtempSync(path.join(tmpdir(), 'auth0-emulator-bench-'));
const seedFile = path.join(scratch, 'seed.json');
writeFileSync(seedFile, JSON.stringify({
  apis: [{ name: 'Bench API', identifier: audience, signingAlgorithm: 'RS256', scopes: ['read:bench', 'write:bench'] }],
  applications: [{ name: 'bench', clientId, clientSecret, authorizations: [{ api: audience }] }],
}));

const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, audience }).toString();

/** The two servers, each started as its users start it, with the same token request. */
const servers = [
  {
    name: 'Auth0ApiKit emulator',
    command: (port) => ['dotnet', [emulatorDll(), '--port', String(port), '--seed-file', seedFile, '--no-management-app']],
    tokenPath: '/oauth/token',
    jwksPath: '/.well-known/jwks.json',
  },
  {
    name: 'oauth2-mock-server',
    command: (port) => [process.execPath, [mockServerCli, '-a', '127.0.0.1', '-p', String(port)]],
    env: { NODE_ENV: 'production' },
    tokenPath: '/token',
    jwksPath: '/jwks',
  },
];

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer().once('error', reject).listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function requestToken(base, server) {
  const response = await fetch(base + server.tokenPath, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form,
  });
  if (response.status !== 200) throw new Error(`${server.name} answered ${response.status}: ${await response.text()}`);
  return (await response.json()).access_token;
}

/** Starts a server; resolves when its first token arrives, with the milliseconds from spawn to that token. */
async function start(server) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const [command, args] = server.command(port);
  const started = process.hrtime.bigint();
  const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...server.env } });
  let errors = '';
  child.stderr.setEncoding('utf8').on('data', (chunk) => { errors += chunk; });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${server.name} exited: ${errors}`);
      try {
        await requestToken(base, server);
        break;
      } catch (error) {
        if (error.cause?.code !== 'ECONNREFUSED' && error.cause?.code !== 'ECONNRESET') throw error;
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      if (Number(process.hrtime.bigint() - started) / 1e6 > 60_000) throw new Error(`${server.name} did not start in 60 s`);
    }
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const startupMs = Number(process.hrtime.bigint() - started) / 1e6;
  return {
    base, startupMs,
    stop: async () => { child.kill('SIGTERM'); await exited; },
  };
}

/** Every sampled token verifies against the server's JWKS with RS256. */
async function checkTokens(base, server, count = 20) {
  const { keys } = await (await fetch(base + server.jwksPath)).json();
  for (let i = 0; i < count; i++) {
    const token = await requestToken(base, server);
    const [header, payload, signature] = token.split('.');
    const { alg, kid } = JSON.parse(Buffer.from(header, 'base64url'));
    const jwk = keys.find((key) => key.kid === kid);
    const valid = alg === 'RS256' && jwk &&
      verify('RSA-SHA256', Buffer.from(`${header}.${payload}`), createPublicKey({ key: jwk, format: 'jwk' }), Buffer.from(signature, 'base64url'));
    if (!valid) throw new Error(`${server.name} issued a token that does not verify as RS256 against its JWKS`);
  }
}

function load(base, server, seconds) {
  return new Promise((resolve, reject) => {
    autocannon({
      url: base + server.tokenPath,
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form,
      connections: settings.connections,
      duration: seconds,
    }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** One throughput measurement: a fresh server, a token check, a warm-up, then the measured load. */
async function throughput(server) {
  const running = await start(server);
  try {
    await checkTokens(running.base, server);
    await load(running.base, server, settings.warmup);
    const result = await load(running.base, server, settings.duration);
    if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
      throw new Error(`${server.name}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} time-outs under load`);
    }
    return { tokensPerSecond: result['2xx'] / settings.duration, p50: result.latency.p50, p99: result.latency.p99 };
  } finally {
    await running.stop();
  }
}

const measured = new Map(servers.map((server) => [server, { startups: [], runs: [] }]));
try {
  for (let round = 0; round < settings.rounds; round++) {
    // Alternate who goes first, so that neither always meets the machine in the same state.
    for (const server of round % 2 === 0 ? servers : [...servers].reverse()) {
      const run = await throughput(server);
      measured.get(server).runs.push(run);
      console.error(`round ${round + 1}: ${server.name} ${Math.round(run.tokensPerSecond)} tokens/s`);
    }
  }

  for (let i = 0; i < settings.startups; i++) {
    for (const server of servers) {
      const running = await start(server);
      measured.get(server).startups.push(running.startupMs);
      await running.stop();
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const summary = servers.map((server) => {
  const { runs, startups } = measured.get(server);
  return {
    server: server.name,
    tokensPerSecond: median(runs.map((r) => r.tokensPerSecond)),
    each: runs.map((r) => Math.round(r.tokensPerSecond)).join(' / '),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    startupMs: median(startups),
  };
});

const [emulator, mock] = summary;
console.log(`RS256 client-credentials tokens over loopback HTTP/1.1: ${settings.connections} connections, ${settings.rounds} rounds of ` +
  `${settings.duration} s (after ${settings.warmup} s of warm-up) per server, taking turns; medians. Start-up: median of ${settings.startups}.`);
console.log('');
console.log('| server | tokens/s (median) | each round | p50 latency (ms) | p99 latency (ms) | start-up to first token (ms) |');
console.log('|---|---:|---|---:|---:|---:|');
for (const r of summary) {
  console.log(`| ${r.server} | ${Math.round(r.tokensPerSecond)} | ${r.each} | ${r.p50} | ${r.p99} | ${Math.round(r.startupMs)} |`);
}
console.log('');
console.log(`emulator / oauth2-mock-server: ${(emulator.tokensPerSecond / mock.tokensPerSecond).toFixed(2)}x tokens per second`);
