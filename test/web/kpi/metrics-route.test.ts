import { ConfigError, readConfig } from '../../../src/config';
import type { CivicFormsApp } from '../../../src/web/app';
import { testApp, Visitor } from '../../support/agent';

const TOKEN = 'f3Kq9-scrape-token-only-prometheus-knows';

describe('/metrics', () => {
  let app: CivicFormsApp;
  beforeEach(() => {
    app = testApp({ metricsToken: TOKEN });
  });
  afterEach(() => app.close());

  it('refuses a request without the bearer token, or with another one', async () => {
    const visitor = new Visitor(app);
    for (const authorization of [
      undefined,
      'Bearer wrong-token-of-the-same-kind',
      `Basic ${TOKEN}`,
      TOKEN,
    ]) {
      const request = visitor.agent.get('/metrics');
      const response = await (authorization
        ? request.set('Authorization', authorization)
        : request);
      expect(response.status).toBe(401);
      expect(response.headers['www-authenticate']).toBe('Bearer realm="metrics"');
      expect(response.text).toBe('METRICS_UNAUTHORISED');
      expect(response.headers['set-cookie']).toBeUndefined();
    }
  });

  it('counts starts, completions and validation errors per form, channel and agency', async () => {
    const visitor = new Visitor(app);
    const exit = await visitor.answer('/parking-permit/live-in-zone', { 'live-in-zone': 'no' });
    await visitor.get(exit);
    await new Visitor(app).get('/parking-permit/live-in-zone');
    const response = await visitor.agent.get('/metrics').set('Authorization', `Bearer ${TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(response.text).toContain(
      'civic_forms_starts_total{form="parking-permit",channel="online",agency="default"} 2',
    );
    expect(response.text).toContain(
      'civic_forms_completions_total{form="parking-permit",channel="online",agency="default"} 1',
    );
    expect(response.text).toContain('# TYPE civic_forms_validation_errors_total counter');
  });

  it('keeps each app’s counters apart (no global registry)', async () => {
    const other = testApp({ metricsToken: TOKEN });
    await new Visitor(app).get('/parking-permit/live-in-zone');
    const mine = await new Visitor(app).agent
      .get('/metrics')
      .set('Authorization', `Bearer ${TOKEN}`);
    const theirs = await new Visitor(other).agent
      .get('/metrics')
      .set('Authorization', `Bearer ${TOKEN}`);
    await other.close();
    expect(mine.text).toContain(
      'civic_forms_starts_total{form="parking-permit",channel="online",agency="default"} 1',
    );
    expect(theirs.text).not.toContain('civic_forms_starts_total{');
  });

  it('does not exist without METRICS_TOKEN', async () => {
    const plain = testApp();
    const response = await new Visitor(plain).agent
      .get('/metrics')
      .set('Authorization', `Bearer ${TOKEN}`);
    await plain.close();
    expect(response.status).toBe(404);
  });

  it('takes METRICS_TOKEN from the environment, refusing a short one without printing it', () => {
    expect(readConfig({ METRICS_TOKEN: TOKEN }).metricsToken).toBe(TOKEN);
    expect(readConfig({}).metricsToken).toBeUndefined();
    expect(() => readConfig({ METRICS_TOKEN: 'short-secret' })).toThrow(ConfigError);
    expect(() => readConfig({ METRICS_TOKEN: 'short-secret' })).toThrow(
      /METRICS_TOKEN: .*\(found \(hidden\)\)/,
    );
  });
});
