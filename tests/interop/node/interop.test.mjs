// Auth0's own Node SDK and Express middleware against the Auth0ApiKit emulator, over real loopback HTTP.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import express from 'express';
import { auth, requiredScopes } from 'express-oauth2-jwt-bearer';
import { ManagementClient } from 'auth0';
import { AuthenticationClient } from 'auth0/legacy';
import { admin, fetchVia, startEmulator } from './emulator.mjs';

const ordersApi = 'https://orders.example.com';

/** An Express API protected by Auth0's middleware, configured from the emulator's issuer by OIDC discovery. */
async function startOrdersApi(issuer) {
  const app = express();
  app.use(auth({ issuerBaseURL: issuer, audience: ordersApi }));
  app.get('/orders', requiredScopes('read:orders'), (request, response) => {
    response.json({ caller: request.auth.payload.sub });
  });
  app.delete('/orders', requiredScopes('delete:orders'), (request, response) => response.sendStatus(204));
  // The middleware's refusals carry their status and WWW-Authenticate header; answer with them quietly.
  app.use((error, request, response, next) => response.status(error.status ?? 500).set(error.headers ?? {}).end());
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${server.address().port}/orders`;
  return {
    call: (token, method = 'GET') => fetch(url, { method, headers: token ? { authorization: `Bearer ${token}` } : {} }),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** The token with one character of its payload changed: the signature no longer matches. */
function tamper(token) {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  claims.scope = `${claims.scope} delete:orders`;
  return [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
}

describe('the Auth0 Node SDK and express-oauth2-jwt-bearer against the emulator', () => {
  let emulator;
  let credentials;
  let management;

  before(async () => {
    emulator = await startEmulator();
    credentials = emulator.credentials;
    management = new ManagementClient({
      domain: credentials.domain,
      audience: credentials.managementApiAudience,
      clientId: credentials.management.clientId,
      clientSecret: credentials.management.clientSecret,
      fetch: fetchVia(credentials),
    });
  });

  after(async () => {
    const code = await emulator?.stop();
    assert.equal(code, 0, `the emulator stops gracefully on SIGTERM: ${emulator?.errors}`);
    assert.match(emulator.output, /auth0-emulator stopped\./);
  });

  test('creates, lists, updates and deletes APIs, applications and grants; tokens pass Express and tampered ones do not', async () => {
    // APIs (resource servers)
    const api = await management.resourceServers.create({
      name: 'Orders API',
      identifier: ordersApi,
      signing_alg: 'RS256',
      scopes: [{ value: 'read:orders', description: 'Read orders' }, { value: 'write:orders', description: 'Write orders' }],
    });
    assert.match(api.id, /^[0-9a-f]{24}$/);
    const apis = [];
    for await (const item of await management.resourceServers.list({ per_page: 10, include_totals: true })) {
      apis.push(item.identifier);
    }
    assert.deepEqual(apis, [credentials.managementApiAudience, ordersApi]);
    const renamed = await management.resourceServers.update(api.id, { name: 'Orders', token_lifetime: 3600, token_lifetime_for_web: 1800 });
    assert.equal(renamed.name, 'Orders');
    assert.equal(renamed.token_lifetime, 3600);

    // Applications (clients)
    const worker = await management.clients.create({ name: 'billing-worker', app_type: 'non_interactive' });
    assert.match(worker.client_id, /^[A-Za-z0-9]{32}$/);
    assert.ok(worker.client_secret, 'POST /clients returns the secret');
    const names = [];
    for await (const client of await management.clients.list({ per_page: 50 })) {
      names.push(client.name);
    }
    assert.ok(names.includes('billing-worker'), names.join(', '));
    const updated = await management.clients.update(worker.client_id, { name: 'billing' });
    assert.equal(updated.name, 'billing');

    // Grants (authorizations)
    const grant = await management.clientGrants.create({ client_id: worker.client_id, audience: ordersApi, scope: ['write:orders'] });
    assert.match(grant.id, /^cgr_/);
    const widened = await management.clientGrants.update(grant.id, { scope: ['read:orders', 'write:orders'] });
    assert.deepEqual(widened.scope, ['read:orders', 'write:orders']);
    const grants = [];
    for await (const item of await management.clientGrants.list({ audience: ordersApi })) {
      grants.push(item.id);
    }
    assert.deepEqual(grants, [grant.id]);

    // A client-credentials token through the SDK's AuthenticationClient, accepted by Express
    const authentication = new AuthenticationClient({
      domain: credentials.domain,
      clientId: worker.client_id,
      clientSecret: worker.client_secret,
      fetch: fetchVia(credentials),
    });
    const { data: token } = await authentication.oauth.clientCredentialsGrant({ audience: ordersApi });
    assert.equal(token.token_type, 'Bearer');
    assert.equal(token.expires_in, 3600);
    assert.equal(token.scope, 'read:orders write:orders');

    const orders = await startOrdersApi(credentials.issuer);
    try {
      const accepted = await orders.call(token.access_token);
      assert.equal(accepted.status, 200, await accepted.clone().text());
      assert.deepEqual(await accepted.json(), { caller: `${worker.client_id}@clients` });
      assert.equal((await orders.call(tamper(token.access_token), 'DELETE')).status, 401, 'a tampered token is refused');
      assert.equal((await orders.call(token.access_token, 'DELETE')).status, 403, 'the genuine token lacks delete:orders');
      assert.equal((await orders.call(undefined)).status, 401, 'no token, no entry');
    } finally {
      await orders.close();
    }

    // Deletes, then the reads say 404
    await management.clientGrants.delete(grant.id);
    await management.clients.delete(worker.client_id);
    await management.resourceServers.delete(api.id);
    await assert.rejects(management.resourceServers.get(api.id), (error) => error.statusCode === 404);
    await assert.rejects(management.clients.get(worker.client_id), (error) => error.statusCode === 404);
    await assert.rejects(management.clientGrants.get(grant.id), (error) => error.statusCode === 404);
  });

  test('admin endpoints script faults, move the clock, rotate keys and reset state', async () => {
    await admin(credentials, 'POST', 'reset');
    const api = await management.resourceServers.create({ identifier: ordersApi, scopes: [{ value: 'read:orders' }] });
    const worker = await management.clients.create({ name: 'reader', app_type: 'non_interactive' });
    await management.clientGrants.create({ client_id: worker.client_id, audience: ordersApi, scope: ['read:orders'] });

    // A 429 with Retry-After: the SDK waits and retries, and the journal shows both attempts.
    await admin(credentials, 'DELETE', 'journal');
    await admin(credentials, 'POST', 'faults', {
      method: 'PATCH', path: '/api/v2/resource-servers/*', fault: { type: 'rate_limited', retryAfterSeconds: 1 },
    });
    await management.resourceServers.update(api.id, { name: 'Orders' });
    const journal = await admin(credentials, 'GET', `journal?method=PATCH&path=/api/v2/resource-servers/${api.id}`);
    assert.deepEqual(journal.entries.map((entry) => entry.status), [429, 200]);
    assert.equal(journal.entries[0].fault, '429 (retry after 1 s)');

    // Time travel: with the clock two days back, tokens come out already expired and Express refuses them.
    const authentication = new AuthenticationClient({
      domain: credentials.domain, clientId: worker.client_id, clientSecret: worker.client_secret, fetch: fetchVia(credentials),
    });
    const { data: token } = await authentication.oauth.clientCredentialsGrant({ audience: ordersApi });
    const orders = await startOrdersApi(credentials.issuer);
    try {
      assert.equal((await orders.call(token.access_token)).status, 200);
      await admin(credentials, 'POST', 'clock/advance', { seconds: -2 * 86_400 });
      const late = await authentication.oauth.clientCredentialsGrant({ audience: ordersApi });
      assert.equal((await orders.call(late.data.access_token)).status, 401, 'a token issued two days ago has expired');
      await admin(credentials, 'DELETE', 'clock');
    } finally {
      await orders.close();
    }

    // Key rotation: the new key signs and both keys are published, until the previous one is revoked. (Each check
    // uses a fresh API, as express-oauth2-jwt-bearer refetches a JWKS at most every 30 s.)
    const earlier = await authentication.oauth.clientCredentialsGrant({ audience: ordersApi });
    const { kid } = await admin(credentials, 'POST', 'keys/rotate');
    const rotated = await authentication.oauth.clientCredentialsGrant({ audience: ordersApi });
    const header = JSON.parse(Buffer.from(rotated.data.access_token.split('.')[0], 'base64url').toString('utf8'));
    assert.equal(header.kid, kid);
    const duringRotation = await startOrdersApi(credentials.issuer);
    try {
      assert.equal((await duringRotation.call(rotated.data.access_token)).status, 200, 'the new key validates');
      assert.equal((await duringRotation.call(earlier.data.access_token)).status, 200, 'the previous key is still published');
    } finally {
      await duringRotation.close();
    }

    await admin(credentials, 'POST', 'keys/revoke-previous');
    const afterRevocation = await startOrdersApi(credentials.issuer);
    try {
      assert.equal((await afterRevocation.call(rotated.data.access_token)).status, 200);
      assert.equal((await afterRevocation.call(earlier.data.access_token)).status, 401, 'the revoked key no longer validates');
    } finally {
      await afterRevocation.close();
    }

    // Reset: back to the seed, the same management credentials still work.
    const status = await admin(credentials, 'POST', 'reset');
    assert.ok(status.resets >= 2);
    await assert.rejects(management.resourceServers.get(api.id), (error) => error.statusCode === 404);
  });
});
