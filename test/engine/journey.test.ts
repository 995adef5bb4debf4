import { amaraAnswers, car, everyStepDone, van } from '../fixtures/amara-draft';
import path from 'node:path';
import { loadForms } from '../../src/definition/load';
import type { FormDefinition } from '../../src/definition/types';
import type { Answers, Draft } from '../../src/engine/answers';
import { activeAnswers, previousStep, stepAfter, walk, type Walk } from '../../src/engine/journey';

const form = loadForms(path.join(__dirname, '..', 'fixtures', 'forms')).get(
  'parking-permit',
) as FormDefinition;

type Progress = Pick<Draft, 'answers' | 'done'>;

const keysOf = (walked: Walk) => walked.steps.map((s) => s.key);

const answers: Answers = amaraAnswers;
const complete: Progress = { answers, done: everyStepDone };

describe('journey', () => {
  describe('walk', () => {
    it('starts at the first page when nothing is answered', () => {
      const walked = walk(form, { answers: {}, done: [] });
      expect(keysOf(walked)).toEqual(['live-in-zone']);
      expect(walked.next).toMatchObject({ kind: 'page', key: 'live-in-zone' });
      expect(walked.complete).toBe(false);
    });

    it('stops at the first page not done, even when later pages are done', () => {
      const walked = walk(form, {
        answers: { 'live-in-zone': 'yes', phone: '01632 960001' },
        done: ['live-in-zone', 'contact'],
      });
      expect(keysOf(walked)).toEqual(['live-in-zone', 'full-name']);
      expect(walked.next.key).toBe('full-name');
    });

    it('ends the path at an exit page whose condition holds', () => {
      const walked = walk(form, {
        answers: { ...answers, 'live-in-zone': 'no' },
        done: everyStepDone,
      });
      expect(keysOf(walked)).toEqual(['live-in-zone', 'cannot-apply']);
      expect(walked.next).toMatchObject({ kind: 'exit', key: 'cannot-apply' });
      expect(walked.complete).toBe(false);
    });

    it('skips the exit page when its condition does not hold', () => {
      const walked = walk(form, { answers: { 'live-in-zone': 'yes' }, done: ['live-in-zone'] });
      expect(keysOf(walked)).toEqual(['live-in-zone', 'full-name']);
    });

    it('skips a repeating section whose condition does not hold', () => {
      const walked = walk(form, {
        answers: { ...answers, 'has-vehicles': 'no', vehicles: [] },
        done: ['live-in-zone', 'full-name', 'contact', 'has-vehicles'],
      });
      expect(keysOf(walked)).toEqual([
        'live-in-zone',
        'full-name',
        'contact',
        'has-vehicles',
        'start-date',
      ]);
    });

    it('asks for a pending first item when a repeating section has no items yet', () => {
      const walked = walk(form, {
        answers: { 'live-in-zone': 'yes', 'has-vehicles': 'yes' },
        done: ['live-in-zone', 'full-name', 'contact', 'has-vehicles'],
      });
      expect(walked.next).toMatchObject({
        kind: 'page',
        key: 'vehicles/new/registration',
        page: { id: 'registration' },
        section: { id: 'vehicles' },
        item: { id: 'new', index: 0 },
      });
    });

    it("asks an item's pages in order, each keyed by the item", () => {
      const walked = walk(form, {
        answers: { ...answers, vehicles: [car] },
        done: [
          'live-in-zone',
          'full-name',
          'contact',
          'has-vehicles',
          'vehicles/3f9c2a1b/registration',
        ],
      });
      expect(walked.next).toMatchObject({
        key: 'vehicles/3f9c2a1b/fuel',
        item: { id: '3f9c2a1b', index: 0 },
      });
    });

    it("asks an item's conditional page only for items whose own answers meet it", () => {
      const walked = walk(form, complete);
      expect(keysOf(walked)).toEqual([
        ...everyStepDone.slice(0, 9),
        'vehicles',
        'start-date',
        'check-answers',
      ]);
      expect(keysOf(walked)).toContain('vehicles/3f9c2a1b/charging');
      expect(keysOf(walked)).not.toContain('vehicles/c07d4e95/charging');
      expect(walked.steps[7]).toMatchObject({ item: { id: 'c07d4e95', index: 1 } });
    });

    it("stops at an electric car's charging page until it is answered", () => {
      const walked = walk(form, {
        answers,
        done: everyStepDone.filter((key) => key !== 'vehicles/3f9c2a1b/charging'),
      });
      expect(walked.next.key).toBe('vehicles/3f9c2a1b/charging');
    });

    it("stops at the section's summary once every item is done", () => {
      const walked = walk(form, {
        answers,
        done: everyStepDone.filter((key) => key !== 'vehicles' && key !== 'start-date'),
      });
      expect(walked.next).toMatchObject({
        kind: 'summary',
        key: 'vehicles',
        section: { id: 'vehicles' },
      });
    });

    it('reaches check answers when every step on the path is done', () => {
      const walked = walk(form, complete);
      expect(walked.complete).toBe(true);
      expect(walked.next).toEqual({ kind: 'check-answers', key: 'check-answers' });
      expect(walked.steps[walked.steps.length - 1]).toBe(walked.next);
    });
  });

  describe('previousStep', () => {
    const walked = walk(form, complete);

    it('gives no back step on the first page', () => {
      expect(previousStep(walked, 'live-in-zone')).toBeUndefined();
    });

    it('goes back over skipped pages to the page asked before', () => {
      expect(previousStep(walked, 'full-name')?.key).toBe('live-in-zone');
      expect(previousStep(walked, 'vehicles/c07d4e95/registration')?.key).toBe(
        'vehicles/3f9c2a1b/charging',
      );
      expect(previousStep(walked, 'start-date')?.key).toBe('vehicles');
      expect(previousStep(walked, 'check-answers')?.key).toBe('start-date');
    });

    it('gives no back step for a page off the path', () => {
      expect(previousStep(walked, 'vehicles/c07d4e95/charging')).toBeUndefined();
    });
  });

  describe('stepAfter', () => {
    it('gives the next step on the path, skipping pages whose condition fails', () => {
      const walked = walk(form, complete);
      expect(stepAfter(walked, 'has-vehicles').key).toBe('vehicles/3f9c2a1b/registration');
      expect(stepAfter(walked, 'vehicles/c07d4e95/fuel').key).toBe('vehicles');
      expect(stepAfter(walked, 'start-date').key).toBe('check-answers');
    });

    it('gives the step still to do after the last step done', () => {
      const walked = walk(form, { answers: { 'live-in-zone': 'yes' }, done: ['live-in-zone'] });
      expect(stepAfter(walked, 'live-in-zone').key).toBe('full-name');
    });

    it('gives the next step to do for a page that is not on the path', () => {
      const walked = walk(form, { answers: { 'live-in-zone': 'yes' }, done: ['live-in-zone'] });
      expect(stepAfter(walked, 'start-date')).toBe(walked.next);
      expect(stepAfter(walked, 'full-name')).toBe(walked.next);
    });
  });

  describe('activeAnswers', () => {
    it('keeps every answer of a journey whose pages are all on the path', () => {
      expect(activeAnswers(form, complete)).toEqual(answers);
    });

    it("drops a repeating section's items when its condition no longer holds", () => {
      const kept = activeAnswers(form, {
        answers: { ...answers, 'has-vehicles': 'no' },
        done: everyStepDone,
      });
      expect(kept).toEqual({
        'live-in-zone': 'yes',
        'full-name': 'Amara Okafor',
        phone: '01632 960001',
        email: 'amara.okafor@example.com',
        'has-vehicles': 'no',
        'start-date': '2031-04-01',
      });
    });

    it("drops an item's answer whose item-level condition no longer holds", () => {
      const petrolCar = { ...car, answers: { ...car.answers, fuel: 'petrol' } };
      const kept = activeAnswers(form, {
        answers: { ...answers, vehicles: [petrolCar, van] },
        done: everyStepDone,
      });
      expect(kept.vehicles).toEqual([
        { id: '3f9c2a1b', answers: { registration: 'AB12CDE', fuel: 'petrol' } },
        { id: 'c07d4e95', answers: { registration: 'LV19KTP', fuel: 'petrol' } },
      ]);
    });

    it('keeps only the answers before an exit page', () => {
      const kept = activeAnswers(form, {
        answers: { ...answers, 'live-in-zone': 'no' },
        done: everyStepDone,
      });
      expect(kept).toEqual({ 'live-in-zone': 'no' });
    });

    it('leaves out a skipped optional answer rather than storing a blank', () => {
      const { email: _email, ...withoutEmail } = answers;
      const kept = activeAnswers(form, { answers: withoutEmail, done: everyStepDone });
      expect(kept).not.toHaveProperty('email');
      expect(kept.phone).toBe('01632 960001');
    });
  });
});
