// Starts the Auth0ApiKit emulator as a child process, as a Node project would in its tests, and stops it.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The built emulator: $EMULATOR_DLL, else the Release build, else the Debug build. */
export function emulatorDll() {
  const candidates = [
    process.env.EMULATOR_DLL,
    path.join(repository, 'src/Auth0ApiKit.Emulator/bin/Release/net10.0/Auth0ApiKit.Emulator.dll'),
    path.join(repository, 'src/Auth0ApiKit.Emulator/bin/Debug/net10.0/Auth0ApiKit.Emulator.dll'),
  ].filter(Boolean);
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) {
    throw new Error(`Build the emulator first (dotnet build -c Release); looked for ${candidates.join(', ')}`);
  }
  return found;
}

/**
 * Starts `dotnet Auth0ApiKit.Emulator.dll --port 0 --write-credentials <file> ...args` and resolves once it listens,
 * with the credentials it wrote and a stop() that ends it with SIGTERM and resolves to its exit code.
 */
export async function startEmulator(args = [], { timeoutMs = 60_000 } = {}) {
  const directory = mkdtempSync(path.join(tmpdir(), 'auth0-emulator-'));
  const credentialsFile = path.join(directory, 'credentials.json');
  const child = spawn('dotnet', [emulatorDll(), '--port', '0', '--write-credentials', credentialsFile, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let errors = '';
  child.stdout.setEncoding('utf8').on('data', (chunk) => { output += chunk; });
  child.stderr.setEncoding('utf8').on('data', (chunk) => { errors += chunk; });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));

  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The emulator did not start in ${timeoutMs} ms: ${output}${errors}`)), timeoutMs);
    const check = () => {
      if (/listening on \S+/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', check);
    exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`The emulator exited with ${code} before listening: ${errors}`));
    });
    check();
  });

  const credentials = JSON.parse(readFileSync(credentialsFile, 'utf8'));
  return {
    credentials,
    get output() { return output; },
    get errors() { return errors; },
    async stop() {
      child.kill('SIGTERM');
      const code = await exited;
      rmSync(directory, { recursive: true, force: true });
      return code;
    },
  };
}

/**
 * A fetch for Auth0's SDKs, which build https://{domain}/... URLs: it sends them to the emulator's http base URL.
 */
export function fetchVia(credentials) {
  const from = `https://${credentials.domain}/`;
  const to = credentials.baseUrl;
  return (input, init) => {
    if (input instanceof Request) {
      return fetch(new Request(input.url.replace(from, to), input), init);
    }
    return fetch(String(input).replace(from, to), init);
  };
}

/** Calls an admin endpoint of the emulator, with the admin token from its credentials file. */
export async function admin(credentials, method, route, body) {
  const headers = { authorization: `Bearer ${credentials.adminToken}` };
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
  }
  const response = await fetch(new URL(route, credentials.adminUrl), {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`${method} ${route} answered ${response.status}: ${text}`);
  }
  return text ? JSON.parse(text) : undefined;
}
