import { caseContract, signatureContract } from '../../../shared/contract/cases';
import { parseInput } from '../../../shared/contract/procedure';
import type { MutationHandler } from '../../sync/mutation-handler';
import { updateCaseSettings, updateCaseType } from './config';
import { applyCaseAction } from './service';
import { decideSignature, submitSignature } from './signature';


/** Case (pratiche) and signature-book mutations as pushed by the desks (issue 4). */
export const casesMutations = {
  'cases.open': (ctx, raw) => applyCaseAction(ctx, { name: 'cases.open', args: parseInput(caseContract['cases.open'].input, raw) }),
  'cases.linkEntry': (ctx, raw) => applyCaseAction(ctx, { name: 'cases.linkEntry', args: parseInput(caseContract['cases.linkEntry'].input, raw) }),
  'cases.assign': (ctx, raw) => applyCaseAction(ctx, { name: 'cases.assign', args: parseInput(caseContract['cases.assign'].input, raw) }),
  'cases.takeCharge': (ctx, raw) => applyCaseAction(ctx, { name: 'cases.takeCharge', args: parseInput(caseContract['cases.takeCharge'].input, raw) }),
  'cases.refuse': (ctx, raw) => applyCaseAction(ctx, { name: 'cases.refuse', args: parseInput(caseContract['cases.refuse'].input, raw) }),
  'cases.transition': (ctx, raw) => applyCaseAction(ctx, { name: 'cases.transition', args: parseInput(caseContract['cases.transition'].input, raw) }),
  'cases.suspend': (ctx, raw) => applyCaseAction(ctx, { name: 'cases.suspend', args: parseInput(caseContract['cases.suspend'].input, raw) }),
  'cases.resume': (ctx, raw) => applyCaseAction(ctx, { name: 'cases.resume', args: parseInput(caseContract['cases.resume'].input, raw) }),
  'cases.addNote': (ctx, raw) => applyCaseAction(ctx, { name: 'cases.addNote', args: parseInput(caseContract['cases.addNote'].input, raw) }),
  'cases.replySent': (ctx, raw) => applyCaseAction(ctx, { name: 'cases.replySent', args: parseInput(caseContract['cases.replySent'].input, raw) }),
  'cases.close': (ctx, raw) => applyCaseAction(ctx, { name: 'cases.close', args: parseInput(caseContract['cases.close'].input, raw) }),
  'cases.archive': (ctx, raw) => applyCaseAction(ctx, { name: 'cases.archive', args: parseInput(caseContract['cases.archive'].input, raw) }),
  'cases.updatePatronage': (ctx, raw) => applyCaseAction(ctx, { name: 'cases.updatePatronage', args: parseInput(caseContract['cases.updatePatronage'].input, raw) }),
  'cases.decidePatronage': (ctx, raw) => applyCaseAction(ctx, { name: 'cases.decidePatronage', args: parseInput(caseContract['cases.decidePatronage'].input, raw) }),
  'cases.advanceHearing': (ctx, raw) => applyCaseAction(ctx, { name: 'cases.advanceHearing', args: parseInput(caseContract['cases.advanceHearing'].input, raw) }),
  'cases.updateType': (ctx, raw) => updateCaseType(ctx, parseInput(caseContract['cases.updateType'].input, raw)),
  'cases.updateSettings': (ctx, raw) => updateCaseSettings(ctx, parseInput(caseContract['cases.updateSettings'].input, raw)),
  'signature.submit': (ctx, raw) => submitSignature(ctx, parseInput(signatureContract['signature.submit'].input, raw)),
  'signature.decide': (ctx, raw) => decideSignature(ctx, parseInput(signatureContract['signature.decide'].input, raw)),
} satisfies Record<string, MutationHandler>;
