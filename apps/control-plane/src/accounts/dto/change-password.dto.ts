import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class ChangePasswordDto {
  @ApiProperty({ example: 'correct horse battery staple', writeOnly: true, maxLength: 200 })
  @IsString()
  @Length(1, 200, { message: 'must be 1 to 200 characters long' })
  current_password!: string;

  @ApiProperty({ example: 'a new long passphrase', minLength: 8, maxLength: 200, writeOnly: true })
  @IsString()
  @Length(8, 200, { message: 'must be 8 to 200 characters long' })
  new_password!: string;
}
