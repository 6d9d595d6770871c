import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength } from 'class-validator';
import { ClampedIntQuery, OffsetQuery } from '../common/query';

export class SubscribeDto {
  @ApiProperty({ example: 'you@example.com', maxLength: 254 }) @IsString() @MaxLength(320) email!: string;
}

export class CreateSubscriberDto {
  @ApiProperty({
    enum: ['webhook'],
    description:
      'only webhook subscribers are added by the owner; email subscribers subscribe themselves and confirm by email',
  })
  @IsString()
  @IsIn(['webhook', 'email'])
  type!: string;

  @ApiProperty({ example: 'https://hooks.example.com/status' }) @IsString() @MaxLength(2048) url!: string;
}

export class SubscriberDto {
  @ApiProperty({ example: 'sub_k3j2h1g0f9e8d7c6' }) id!: string;
  @ApiProperty({ enum: ['email', 'webhook'] }) type!: 'email' | 'webhook';
  @ApiProperty({ nullable: true, type: String, example: 'a**@e******.com', description: 'masked' }) email!:
    string | null;
  @ApiProperty({ nullable: true, type: String, example: 'https://hooks.example.com/status' }) url!: string | null;
  @ApiProperty({ enum: ['pending', 'confirmed'] }) status!: 'pending' | 'confirmed';
  @ApiProperty({ format: 'date-time' }) created_at!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) confirmed_at!: string | null;
}

export class CreatedSubscriberDto extends SubscriberDto {
  @ApiProperty({
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    description: 'Standard Webhooks secret: answered only here',
  })
  secret!: string;
}

export class DeletedSubscriberDto {
  @ApiProperty({ enum: [true] }) deleted!: true;
  @ApiProperty() subscriber_id!: string;
}

export class SubscribeAnswerDto {
  @ApiProperty({ enum: [true] }) success!: true;
  @ApiProperty({ example: 'Check your inbox: open the link we sent to confirm.' }) message!: string;
}

/** `GET /status-pages/{id}/subscribers`. */
export class SubscriberListQuery {
  @ClampedIntQuery(1, 200, 50) limit!: number;
  @OffsetQuery() offset?: number;
}
