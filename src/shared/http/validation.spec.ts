import { IsInt, IsString, Max, Min } from 'class-validator';
import { toProblem } from './problem-details';
import { createValidationPipe } from './validation';
import { InvalidError } from '../domain/domain-error';

class Sample {
  @IsString() name!: string;
  @IsInt() @Min(1) @Max(10) count!: number;
}

// The pipe is what every route gets globally; here it is exercised directly on a DTO.
describe('global validation pipe', () => {
  const pipe = createValidationPipe();
  const run = (value: unknown) => pipe.transform(value, { type: 'body', metatype: Sample });

  it('accepts a valid body and turns it into the DTO class', async () => {
    await expect(run({ name: 'a', count: 2 })).resolves.toBeInstanceOf(Sample);
  });

  it('rejects unknown fields and wrong types, listing every bad field', async () => {
    const error = await run({ name: 5, count: '3', extra: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidError);
    const { problem } = toProblem(error, '/x', 'rid');
    expect(problem.status).toBe(400);
    expect(problem.code).toBe('validation_failed');
    const fields = problem.errors!.map((e) => e.field).sort();
    expect(fields).toEqual(expect.arrayContaining(['count', 'extra', 'name']));
  });
});
