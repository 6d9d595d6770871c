import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, Length, MaxLength } from 'class-validator';
import { Trim } from './trim';

export class SignupDto {
  @ApiProperty({ example: 'you@example.com', maxLength: 254, description: 'Login email; stored lowercased.' })
  @Trim()
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: 'must be a valid email address' })
  email!: string;

  @ApiProperty({ example: 'correct horse battery staple', minLength: 8, maxLength: 200, writeOnly: true })
  @IsString()
  @Length(8, 200, { message: 'must be 8 to 200 characters long' })
  password!: string;

  @ApiProperty({
    example: 'Acme Ops',
    minLength: 1,
    maxLength: 200,
    description: 'Your name; also names the new account.',
  })
  @Trim()
  @IsString()
  @Length(1, 200, { message: 'must be 1 to 200 characters long' })
  name!: string;
}
