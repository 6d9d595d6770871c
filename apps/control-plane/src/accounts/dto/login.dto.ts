import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { Trim } from './trim';

export class LoginDto {
  @ApiProperty({ example: 'you@example.com' })
  @Trim()
  @IsString()
  @Length(1, 254, { message: 'must be 1 to 254 characters long' })
  email!: string;

  @ApiProperty({ example: 'correct horse battery staple', writeOnly: true })
  @IsString()
  @Length(1, 200, { message: 'must be 1 to 200 characters long' })
  password!: string;
}
