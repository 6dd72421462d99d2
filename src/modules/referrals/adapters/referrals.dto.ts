import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { REWARD_TRIGGERS, RewardTrigger } from '../domain/referral';
import { CursorPageQuery } from '../../../shared/http/pagination.dto';

const AMOUNT = /^\d{1,18}(\.\d{1,12})?$/;
const amountMessage = { message: '$property must be a non-negative decimal string with up to 12 decimals' };

export class ReferralProgramDto {
  @ApiProperty({ example: true }) enabled!: boolean;
  @ApiProperty({ example: '10', description: "Credits for the referrer, in the referrer's currency" })
  referrerReward!: string;
  @ApiProperty({ example: '5', description: 'Credits for the referred customer, in its currency' })
  refereeReward!: string;
  @ApiProperty({ enum: REWARD_TRIGGERS, example: 'first_paid_invoice' }) rewardOn!: RewardTrigger;
  @ApiProperty({ nullable: true, type: Number, example: 365 }) rewardExpiresInDays!: number | null;
}

export class UpdateReferralProgramDto {
  @ApiPropertyOptional({ example: true }) @IsOptional() @IsBoolean() enabled?: boolean;
  @ApiPropertyOptional({ example: '10' })
  @IsOptional()
  @Matches(AMOUNT, amountMessage)
  referrerReward?: string;
  @ApiPropertyOptional({ example: '5' }) @IsOptional() @Matches(AMOUNT, amountMessage) refereeReward?: string;
  @ApiPropertyOptional({ enum: REWARD_TRIGGERS, description: 'When the rewards are granted' })
  @IsOptional()
  @IsIn(REWARD_TRIGGERS)
  rewardOn?: RewardTrigger;
  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    example: 365,
    description: 'null: credits never expire',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  rewardExpiresInDays?: number | null;
}

export class CreateReferralCodeDto {
  @ApiPropertyOptional({
    example: 'ACME-FRIENDS',
    description: 'Default: a generated code such as 7QK2-M9XA',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  code?: string;
}

export class ReferralCodeDto {
  @ApiProperty({ example: 'ACME-FRIENDS' }) code!: string;
  @ApiProperty({ example: '7d1f3c1e-1d1a-4a53-9d55-0c8f1f3b2a10' }) customerId!: string;
  @ApiProperty({ example: '2026-11-22T10:00:00.000Z' }) createdAt!: Date;
}

export class ReferralCodeListDto {
  @ApiProperty({ type: [ReferralCodeDto] }) items!: ReferralCodeDto[];
  @ApiProperty({ example: null, nullable: true, type: String }) nextCursor!: string | null;
}

export class CreateReferralDto {
  @ApiProperty({ description: 'The referred customer' }) @IsUUID() customerId!: string;
  @ApiProperty({ example: 'ACME-FRIENDS' }) @IsString() @MinLength(1) @MaxLength(64) code!: string;
}

export class ListReferralsQueryDto extends CursorPageQuery {
  @ApiPropertyOptional({ enum: ['pending', 'rewarded'] })
  @IsOptional()
  @IsIn(['pending', 'rewarded'])
  status?: 'pending' | 'rewarded';
  @ApiPropertyOptional({ description: 'Only the referrals of this referrer' })
  @IsOptional()
  @IsUUID()
  referrerCustomerId?: string;
}

export class ReferralDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'ACME-FRIENDS' }) code!: string;
  @ApiProperty() referrerCustomerId!: string;
  @ApiProperty() refereeCustomerId!: string;
  @ApiProperty({ enum: ['pending', 'rewarded'] }) status!: 'pending' | 'rewarded';
  @ApiProperty({ example: '10' }) referrerReward!: string;
  @ApiProperty({ example: '5' }) refereeReward!: string;
  @ApiProperty({ enum: REWARD_TRIGGERS }) rewardOn!: RewardTrigger;
  @ApiProperty({ nullable: true, type: Date }) rewardedAt!: Date | null;
  @ApiProperty({ nullable: true, type: String, description: 'The paid invoice that triggered the reward' })
  rewardInvoiceId!: string | null;
  @ApiProperty() createdAt!: Date;
}

export class ReferralStatsDto {
  @ApiProperty({ example: 3 }) referred!: number;
  @ApiProperty({ example: 1 }) pending!: number;
  @ApiProperty({ example: 2 }) rewarded!: number;
  @ApiProperty({ example: '20', description: 'Credits granted to referrers' }) referrerCredits!: string;
  @ApiProperty({ example: '10', description: 'Credits granted to referred customers' })
  refereeCredits!: string;
}

export class ReferralListDto {
  @ApiProperty({ type: [ReferralDto] }) items!: ReferralDto[];
  @ApiProperty({ example: null, nullable: true, type: String }) nextCursor!: string | null;
  @ApiProperty({ type: ReferralStatsDto, description: 'Counts over the whole filtered list, not this page' })
  stats!: ReferralStatsDto;
}
