import { responseMismatches, responsesChecked } from '../support/response-contract';

// Every answer a test file's apps sent must match the OpenAPI document (see test/support/response-contract.ts).
afterAll(() => {
  if (process.env.RESPONSE_CONTRACT_DEBUG)
    console.log('answers checked', responsesChecked, responseMismatches);
  if (responseMismatches.length)
    throw new Error(
      `${responseMismatches.length} answer(s) do not match the OpenAPI document:\n` +
        [...new Set(responseMismatches)].join('\n'),
    );
});
