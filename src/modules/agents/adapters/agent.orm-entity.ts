import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('agents')
export class AgentOrmEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid') tenantId!: string;
  @Column('text') name!: string;
  @Column('text') slug!: string;
  @Column('text') description!: string;
  @Column('text') provider!: string;
  @Column('text') model!: string;
  @Column('text') instructions!: string;
  @Column('real', { nullable: true }) temperature!: number | null;
  @Column('real', { nullable: true }) topP!: number | null;
  @Column('integer', { nullable: true }) maxTokens!: number | null;
  @Column('text', { array: true }) tools!: string[];
  @Column('uuid', { nullable: true }) billingPlanId!: string | null;
  @Column('text', { nullable: true }) externalId!: string | null;
  @Column('text') status!: string;
  @Column('jsonb') metadata!: Record<string, unknown>;
  @Column('timestamptz') createdAt!: Date;
  @Column('timestamptz') updatedAt!: Date;
}
