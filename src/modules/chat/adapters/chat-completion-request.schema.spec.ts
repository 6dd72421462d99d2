import 'reflect-metadata';
import { JsonSchemaPipe } from '../../../shared/http/json-schema.pipe';
import { ChatCompletionRequestDto, OpenAiMessageDto } from './chat.dto';
import { ChatCompletionRequest, chatCompletionRequestSchema } from './chat-completion-request.schema';

// @nestjs/swagger keeps each DTO's documented property names (':name') under this metadata key.
const SWAGGER_PROPERTIES = 'swagger/apiModelPropertiesArray';
const documented = (dto: object): string[] =>
  (Reflect.getMetadata(SWAGGER_PROPERTIES, dto) as string[]).map((p) => p.slice(1)).sort();

describe('the /v1/chat/completions request schema', () => {
  const pipe = new JsonSchemaPipe<ChatCompletionRequest>(chatCompletionRequestSchema);
  const fieldsOf = (body: unknown) => {
    try {
      pipe.transform(body);
      return [];
    } catch (error) {
      return ((error as { details: { violations: Array<{ field: string }> } }).details.violations ?? []).map(
        (v) => v.field,
      );
    }
  };

  it('accepts exactly the fields the API description documents', () => {
    expect(Object.keys(chatCompletionRequestSchema.properties).sort()).toEqual(
      documented(ChatCompletionRequestDto.prototype),
    );
    expect(Object.keys(chatCompletionRequestSchema.properties.messages.items.properties).sort()).toEqual(
      documented(OpenAiMessageDto.prototype),
    );
  });

  it('names each bad field the way the other routes do', () => {
    expect(fieldsOf({ model: 'm', messages: [{ role: 'user', content: 'x' }] })).toEqual([]);
    expect(
      fieldsOf({
        model: '',
        messages: [{ role: 'user' }, { role: 'bot', extra: 1 }],
        stream_options: { include_usage: 'yes' },
        max_tokens: 0,
      }).sort(),
    ).toEqual(
      ['max_tokens', 'messages[1].extra', 'messages[1].role', 'model', 'stream_options.include_usage'].sort(),
    );
    expect(fieldsOf(undefined)).toEqual(['(body)']);
    expect(fieldsOf({ messages: [] })).toEqual(expect.arrayContaining(['model', 'messages']));
  });
});
