import { Global, Injectable, Module } from '@nestjs/common';
import { PrincipalResolver } from '../../shared/http/principal-resolver.port';
import { Principal } from '../../shared/context/principal';

/** Placeholder until the Auth issue lands: no credentials are recognised, so only @Public routes answer. */
@Injectable()
class NoCredentialsResolver extends PrincipalResolver {
  async resolve(): Promise<Principal | null> {
    return null;
  }
}

@Global()
@Module({
  providers: [{ provide: PrincipalResolver, useClass: NoCredentialsResolver }],
  exports: [PrincipalResolver],
})
export class AuthModule {}
