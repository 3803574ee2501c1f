// Auth0's own Node SDK and Express middleware against the Auth0ApiKit emulator, over real loopback HTTP.
// The tests of each group run in order and build on each other, as one scenario.
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

/** Runs `body` against a fresh Express API (so a fresh JWKS cache), then closes it. */
async function withOrdersApi(issuer, body) {
  const orders = await startOrdersApi(issuer);
  try {
    await body(orders);
  } finally {
    await orders.close();
  }
}

/** The token with its scope widened and the signature kept: the signature no longer matches. */
function tamper(token) {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  claims.scope = `${claims.scope} delete:orders`;
  return [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
}

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

describe('the Auth0 Node SDK manages the emulator and express-oauth2-jwt-bearer accepts its tokens', () => {
  let api;
  let worker;
  let grant;
  let token;

  test('creates, lists and updates an API', async () => {
    api = await management.resourceServers.create({
      name: 'Orders API',
      identifier: ordersApi,
      signing_alg: 'RS256',
      scopes: [{ value: 'read:orders', description: 'Read orders' }, { value: 'write:orders', description: 'Write orders' }],
    });
    assert.match(api.id, /^[0-9a-f]{24}$/);
    const identifiers = [];
    for await (const item of await management.resourceServers.list({ per_page: 10, include_totals: true })) {
      identifiers.push(item.identifier);
    }
    assert.deepEqual(identifiers, [credentials.managementApiAudience, ordersApi]);
    const updated = await management.resourceServers.update(api.id, { name: 'Orders', token_lifetime: 3600, token_lifetime_for_web: 1800 });
    assert.equal(updated.name, 'Orders');
    assert.equal(updated.token_lifetime, 3600);
    await assert.rejects(management.resourceServers.update(api.id, { token_lifetime: 60 }),
      (error) => error.statusCode === 400 && /token_lifetime_for_web cannot be larger than token_lifetime/.test(error.body.message));
  });

  test('creates, lists and updates an application', async () => {
    worker = await management.clients.create({ name: 'billing-worker', app_type: 'non_interactive' });
    assert.match(worker.client_id, /^[A-Za-z0-9]{32}$/);
    assert.ok(worker.client_secret, 'POST /clients returns the secret');
    const names = [];
    for await (const client of await management.clients.list({ per_page: 50 })) {
      names.push(client.name);
    }
    // Every Auth0 tenant also has its global client, "All Applications", listed last.
    assert.deepEqual(names, [credentials.management.name, 'billing-worker', 'All Applications']);
    assert.equal((await management.clients.update(worker.client_id, { name: 'billing' })).name, 'billing');
  });

  test('creates, updates and lists a grant', async () => {
    grant = await management.clientGrants.create({ client_id: worker.client_id, audience: ordersApi, scope: ['write:orders'] });
    assert.match(grant.id, /^cgr_/);
    const widened = await management.clientGrants.update(grant.id, { scope: ['read:orders', 'write:orders'] });
    assert.deepEqual(widened.scope, ['read:orders', 'write:orders']);
    const grants = [];
    for await (const item of await management.clientGrants.list({ audience: ordersApi })) {
      grants.push(item.id);
    }
    assert.deepEqual(grants, [grant.id]);
  });

  test('obtains a client-credentials token through the SDK', async () => {
    const authentication = new AuthenticationClient({
      domain: credentials.domain,
      clientId: worker.client_id,
      clientSecret: worker.client_secret,
      fetch: fetchVia(credentials),
    });
    ({ data: token } = await authentication.oauth.clientCredentialsGrant({ audience: ordersApi }));
    assert.equal(token.token_type, 'Bearer');
    assert.equal(token.expires_in, 3600);
    assert.equal(token.scope, 'read:orders write:orders');
  });

  test('Express accepts the token and refuses a tampered one', async () => {
    await withOrdersApi(credentials.issuer, async (orders) => {
      const accepted = await orders.call(token.access_token);
      assert.equal(accepted.status, 200);
      assert.deepEqual(await accepted.json(), { caller: `${worker.client_id}@clients` });
      assert.equal((await orders.call(tamper(token.access_token), 'DELETE')).status, 401, 'a tampered token is refused');
      assert.equal((await orders.call(token.access_token, 'DELETE')).status, 403, 'the genuine token lacks delete:orders');
      assert.equal((await orders.call(undefined)).status, 401, 'no token, no entry');
    });
  });

  test('deletes the grant, the application and the API', async () => {
    await management.clientGrants.delete(grant.id);
    await management.clients.delete(worker.client_id);
    await management.resourceServers.delete(api.id);
    await assert.rejects(management.resourceServers.get(api.id), (error) => error.statusCode === 404);
    await assert.rejects(management.clients.get(worker.client_id), (error) => error.statusCode === 404);
    await assert.rejects(management.clientGrants.get(grant.id), (error) => error.statusCode === 404);
  });
});

describe('the admin endpoints give a Node test what a .NET test has', () => {
  let api;
  let authentication;

  before(async () => {
    await admin(credentials, 'POST', 'reset');
    api = await management.resourceServers.create({ identifier: ordersApi, scopes: [{ value: 'read:orders' }] });
    const worker = await management.clients.create({ name: 'reader', app_type: 'non_interactive' });
    await management.clientGrants.create({ client_id: worker.client_id, audience: ordersApi, scope: ['read:orders'] });
    authentication = new AuthenticationClient({
      domain: credentials.domain, clientId: worker.client_id, clientSecret: worker.client_secret, fetch: fetchVia(credentials),
    });
  });

  test('a scripted 429 is retried by the SDK, and the journal shows both attempts', async () => {
    await admin(credentials, 'DELETE', 'journal');
    await admin(credentials, 'POST', 'faults', {
      method: 'PATCH', path: '/api/v2/resource-servers/*', fault: { type: 'rate_limited', retryAfterSeconds: 1 },
    });
    await management.resourceServers.update(api.id, { name: 'Orders' });
    const journal = await admin(credentials, 'GET', `journal?method=PATCH&path=/api/v2/resource-servers/${api.id}`);
    assert.deepEqual(journal.entries.map((entry) => entry.status), [429, 200]);
    assert.equal(journal.entries[0].fault, '429 (retry after 1 s)');
  });

  test('with the clock two days back, tokens come out expired and Express refuses them', async () => {
    await withOrdersApi(credentials.issuer, async (orders) => {
      const now = await authentication.oauth.clientCredentialsGrant({ audience: ordersApi });
      assert.equal((await orders.call(now.data.access_token)).status, 200);
      await admin(credentials, 'POST', 'clock/advance', { seconds: -2 * 86_400 });
      try {
        const old = await authentication.oauth.clientCredentialsGrant({ audience: ordersApi });
        assert.equal((await orders.call(old.data.access_token)).status, 401);
      } finally {
        await admin(credentials, 'DELETE', 'clock');
      }
    });
  });

  test('a key rotation publishes both keys until the previous one is revoked', async () => {
    // Each check uses a fresh API: express-oauth2-jwt-bearer refetches a JWKS at most every 30 s.
    const earlier = await authentication.oauth.clientCredentialsGrant({ audience: ordersApi });
    const { kid } = await admin(credentials, 'POST', 'keys/rotate');
    const rotated = await authentication.oauth.clientCredentialsGrant({ audience: ordersApi });
    const header = JSON.parse(Buffer.from(rotated.data.access_token.split('.')[0], 'base64url').toString('utf8'));
    assert.equal(header.kid, kid);
    await withOrdersApi(credentials.issuer, async (orders) => {
      assert.equal((await orders.call(rotated.data.access_token)).status, 200, 'the new key validates');
      assert.equal((await orders.call(earlier.data.access_token)).status, 200, 'the previous key is still published');
    });

    await admin(credentials, 'POST', 'keys/revoke-previous');
    await withOrdersApi(credentials.issuer, async (orders) => {
      assert.equal((await orders.call(rotated.data.access_token)).status, 200);
      assert.equal((await orders.call(earlier.data.access_token)).status, 401, 'the revoked key no longer validates');
    });
  });

  test('the admin endpoints refuse a call without the admin token, and a page from another origin', async () => {
    const status = new URL('status', credentials.adminUrl);
    const anonymous = await fetch(status);
    assert.equal(anonymous.status, 401);
    assert.match(anonymous.headers.get('www-authenticate'), /^Bearer/);
    const crossOrigin = await fetch(new URL('faults', credentials.adminUrl), {
      method: 'POST',
      headers: { authorization: `Bearer ${credentials.adminToken}`, origin: 'http://evil.example', 'content-type': 'text/plain' },
      body: JSON.stringify({ path: '/oauth/token', fault: { type: 'timeout' } }),
    });
    assert.equal(crossOrigin.status, 403);
    assert.equal((await admin(credentials, 'GET', 'faults')).pendingScriptedFaults, 0);
  });

  test('a reset goes back to the seed, and the management credentials still work', async () => {
    const status = await admin(credentials, 'POST', 'reset');
    assert.ok(status.resets >= 2);
    await assert.rejects(management.resourceServers.get(api.id), (error) => error.statusCode === 404);
    const identifiers = [];
    for await (const item of await management.resourceServers.list()) {
      identifiers.push(item.identifier);
    }
    assert.deepEqual(identifiers, [credentials.managementApiAudience]);
  });
});

describe("a client with every property Terraform's Auth0 provider sets, through the Node SDK", () => {
  // The properties and value shapes of the provider's client resource, as its recorded requests to a real tenant show them.
  const terraformShaped = {
    name: 'terraform-shaped',
    description: 'Every property the Terraform provider sets',
    app_type: 'regular_web',
    logo_uri: 'https://example.com/logo.png',
    is_first_party: true,
    is_token_endpoint_ip_header_trusted: true,
    oidc_conformant: true,
    callbacks: ['https://example.com/callback'],
    allowed_origins: ['https://example.com'],
    web_origins: ['https://example.com'],
    client_aliases: ['https://example.com/audience'],
    allowed_clients: ['https://allowed.example.com'],
    allowed_logout_urls: ['https://example.com'],
    sso: false,
    sso_disabled: false,
    grant_types: ['authorization_code', 'implicit', 'refresh_token', 'client_credentials'],
    cross_origin_authentication: true,
    cross_origin_loc: 'https://example.com/cross-origin-loc',
    custom_login_page_on: true,
    custom_login_page: '<html></html>',
    form_template: '<html></html>',
    token_endpoint_auth_method: 'client_secret_post',
    client_metadata: { team: 'billing' },
    initiate_login_uri: 'https://example.com/login',
    organization_usage: 'deny',
    organization_require_behavior: 'no_prompt',
    require_pushed_authorization_requests: false,
    skip_non_verifiable_callback_uri_confirmation_prompt: true,
    jwt_configuration: { alg: 'RS256', lifetime_in_seconds: 3600, scopes: {}, secret_encoded: false },
    refresh_token: {
      rotation_type: 'rotating', expiration_type: 'expiring', leeway: 15, token_lifetime: 86400,
      infinite_token_lifetime: false, infinite_idle_token_lifetime: false, idle_token_lifetime: 43200,
    },
    mobile: { ios: { team_id: 'ABCDE12345', app_bundle_identifier: 'com.example.app' } },
    native_social_login: { apple: { enabled: false }, facebook: { enabled: false } },
    oidc_backchannel_logout: { backchannel_logout_urls: ['https://example.com/oidc-logout'] },
  };
  let created;

  test('the create is accepted and a read gives every property back', async () => {
    created = await management.clients.create(terraformShaped);
    const read = await management.clients.get(created.client_id);
    for (const [property, value] of Object.entries(terraformShaped)) {
      assert.deepEqual(read[property], value, `${property} comes back as sent`);
    }
    assert.equal(read.custom_login_page_on, true);
  });

  test('a Terraform-style PATCH merges jwt_configuration and removes initiate_login_uri with an empty string', async () => {
    const patched = await management.clients.update(created.client_id, { jwt_configuration: { lifetime_in_seconds: 7200 }, initiate_login_uri: '' });
    assert.deepEqual(patched.jwt_configuration, { alg: 'RS256', lifetime_in_seconds: 7200, scopes: {}, secret_encoded: false });
    assert.equal('initiate_login_uri' in patched, false);
  });

  test('lists filter by is_first_party and project with fields', async () => {
    const thirdParty = await management.clients.create({ name: 'partner', is_first_party: false });
    const firstParty = [];
    for await (const client of await management.clients.list({ is_first_party: true, fields: 'client_id,name', include_fields: true })) {
      firstParty.push(client);
    }
    const ids = firstParty.map((client) => client.client_id);
    assert.ok(ids.includes(created.client_id), 'the first-party client is listed');
    assert.equal(ids.includes(thirdParty.client_id), false, 'the third-party client is not');
    for (const client of firstParty) {
      assert.deepEqual(Object.keys(client).sort(), ['client_id', 'name', 'tenant'], 'only the named fields, and the tenant, as Auth0 answers');
    }
    await management.clients.delete(thirdParty.client_id);
    await management.clients.delete(created.client_id);
  });
});
