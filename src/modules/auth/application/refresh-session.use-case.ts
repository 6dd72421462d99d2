import { Injectable } from '@nestjs/common';
import { Sessions, TokenPair } from './sessions';

@Injectable()
export class RefreshSession {
  constructor(private readonly sessions: Sessions) {}

  execute(refreshToken: string): Promise<TokenPair> {
    return this.sessions.refresh(refreshToken);
  }
}
