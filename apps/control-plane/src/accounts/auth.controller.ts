import { Body, Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Public } from '../common/principal';
import { AccountsService } from './accounts.service';
import { LoginDto } from './dto/login.dto';
import { SignupDto } from './dto/signup.dto';
import { ChangePasswordDto } from './dto/change-password.dto';
import { LoginView, LogoutView, MeView, PasswordChangedView, SignupView } from './dto/views';
import { ApiEnvelope, ApiErrors } from '../common/openapi';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly accounts: AccountsService) {}

  @Public()
  @Post('signup')
  @ApiOperation({ summary: 'Create an account, its first user and a first read_write API key (shown once)' })
  @ApiEnvelope(SignupView, { status: 201 })
  @ApiErrors(400, 409, 422, 429)
  signup(@Body() dto: SignupDto): Promise<SignupView> {
    return this.accounts.signup(dto);
  }

  @Public()
  @Post('login')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Exchange email and password for a JWT' })
  @ApiEnvelope(LoginView)
  @ApiErrors(400, 401, 422, 429)
  login(@Body() dto: LoginDto): Promise<LoginView> {
    return this.accounts.login(dto);
  }

  @Post('logout')
  @HttpCode(HttpStatus.OK)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'End every login session of the caller: all its JWTs stop working (needs a JWT, not an API key)',
  })
  @ApiEnvelope(LogoutView)
  @ApiErrors(401, 403, 429)
  logout(@CurrentPrincipal() principal: Principal): Promise<LogoutView> {
    return this.accounts.logout(principal);
  }

  @Post('password')
  @HttpCode(HttpStatus.OK)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Change the password (the current one is required); revokes the older JWTs and answers a new one',
  })
  @ApiEnvelope(PasswordChangedView)
  @ApiErrors(400, 401, 403, 422, 429)
  changePassword(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: ChangePasswordDto,
  ): Promise<PasswordChangedView> {
    return this.accounts.changePassword(principal, dto.current_password, dto.new_password);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiSecurity('api_key')
  @ApiOperation({ summary: 'The caller: user (null for an API key), account, how it authenticated and plan limits' })
  @ApiEnvelope(MeView)
  @ApiErrors(401, 429)
  me(@CurrentPrincipal() principal: Principal): Promise<MeView> {
    return this.accounts.me(principal);
  }
}
