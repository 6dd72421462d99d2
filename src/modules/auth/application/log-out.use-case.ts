import { Injectable } from '@nestjs/common';
import { Principal } from '../../../shared/context/principal';
import { Sessions } from './sessions';

@Injectable()
export class LogOut {
  constructor(private readonly sessions: Sessions) {}

  async execute(principal: Principal, refreshToken?: string): Promise<void> {
    if (principal.kind !== 'user') return;
    await this.sessions.end({ familyId: principal.sessionId, refreshToken, userId: principal.id });
  }
}
