import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiConsumes,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { Public } from '../common/principal';
import { SubscribeAnswerDto, SubscribeDto } from './dto';
import { esc, page } from './html';
import { SubscriptionsService } from './subscriptions.service';

const HTML = { 'text/html': { schema: { type: 'string' } } };
const wantsHtml = (req: Request) =>
  /application\/x-www-form-urlencoded/.test(req.headers['content-type'] ?? '') ||
  (!!req.accepts('html') && !/json/.test(req.headers.accept ?? ''));

/**
 * Subscribing to a status page without an account: `POST /s/{slug}/subscribe` (JSON or the
 * page's form), the confirmation link, the unsubscribe link and RFC 8058 one-click
 * unsubscribe. Rate-limited per IP and per address by the service (PostgreSQL counters,
 * shared by every replica), not by the in-memory API throttle.
 */
@ApiTags('status-pages (public)')
@Public()
@SkipThrottle()
@Controller('s')
export class PublicSubscriptionsController {
  constructor(private readonly subscriptions: SubscriptionsService) {}

  @Post(':slug/subscribe')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Subscribe an email address: a confirmation link is sent (double opt-in); the answer is the same whether or not it was subscribed',
  })
  @ApiConsumes('application/json', 'application/x-www-form-urlencoded')
  @ApiBody({ type: SubscribeDto })
  @ApiAcceptedResponse({ type: SubscribeAnswerDto, description: 'JSON, or an HTML page for a form post' })
  @ApiUnprocessableEntityResponse({ description: 'not an email address' })
  @ApiNotFoundResponse({ description: 'no such status page' })
  @ApiResponse({ status: 429, description: 'too many attempts from this IP or for this address (Retry-After)' })
  async subscribe(
    @Param('slug') slug: string,
    @Body() body: Partial<SubscribeDto> | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const result = await this.subscriptions.subscribe(
      slug,
      body?.email,
      req.ip ?? req.socket.remoteAddress ?? 'unknown',
    );
    res.setHeader('Cache-Control', 'no-store');
    if (result.outcome === 'rate_limited') {
      res.setHeader('Retry-After', String(result.retryAfterSeconds));
      const error = `too many subscribe attempts: try again in ${result.retryAfterSeconds} seconds`;
      if (wantsHtml(req))
        res
          .status(429)
          .type('html')
          .send(page('Too many attempts', `<p>${esc(error)}</p>`));
      else
        res
          .status(429)
          .json({ success: false, data: null, error, code: 'rate_limited', retry_after: result.retryAfterSeconds });
      return;
    }
    const message = 'Check your inbox: open the link we sent to confirm your subscription.';
    if (wantsHtml(req))
      res
        .status(202)
        .type('html')
        .send(page('Almost done', `<p>${esc(message)}</p>`));
    else res.status(202).json({ success: true, message });
  }

  @Get(':slug/confirm')
  @ApiOperation({ summary: 'The confirmation link of the email' })
  @ApiQuery({ name: 'token', required: true, type: String })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'confirmed (or already confirmed)', content: HTML })
  @ApiResponse({ status: 400, description: 'invalid, superseded or expired link', content: HTML })
  async confirm(@Param('slug') slug: string, @Query('token') token: unknown, @Res() res: Response) {
    const outcome = await this.subscriptions.confirm(slug, token);
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Referrer-Policy', 'no-referrer');
    if (outcome === 'invalid')
      res
        .status(400)
        .type('html')
        .send(
          page(
            'Link not valid',
            '<p>This confirmation link is invalid, was replaced by a newer one, or has expired. Subscribe again to get a new link.</p>',
          ),
        );
    else
      res
        .status(200)
        .type('html')
        .send(
          page(
            'Subscribed',
            `<p>${outcome === 'already' ? 'This address was already confirmed.' : 'Your subscription is confirmed.'} You will receive incident and maintenance updates; every email has an unsubscribe link.</p>`,
          ),
        );
  }

  @Get(':slug/unsubscribe')
  @ApiOperation({
    summary:
      'The unsubscribe link of every email: a page with one button (mail scanners that open links do not unsubscribe anyone)',
  })
  @ApiQuery({ name: 'token', required: true, type: String })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'the confirmation form', content: HTML })
  @ApiResponse({ status: 400, description: 'invalid link', content: HTML })
  async unsubscribePage(@Param('slug') slug: string, @Query('token') token: unknown, @Res() res: Response) {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Referrer-Policy', 'no-referrer');
    if (!(await this.subscriptions.unsubscribeLinkValid(slug, token))) {
      res.status(400).type('html').send(page('Link not valid', '<p>This unsubscribe link is not valid.</p>'));
      return;
    }
    const action = `/s/${encodeURIComponent(slug)}/unsubscribe?token=${encodeURIComponent(String(token))}`;
    res
      .status(200)
      .type('html')
      .send(
        page(
          'Unsubscribe',
          `<form method="post" action="${esc(action)}"><p>Stop receiving updates of this status page?</p><button type="submit">Unsubscribe</button></form>`,
        ),
      );
  }

  @Post(':slug/unsubscribe')
  @HttpCode(200)
  @ApiOperation({ summary: 'Unsubscribe (the form above, and RFC 8058 one-click: List-Unsubscribe-Post)' })
  @ApiQuery({ name: 'token', required: true, type: String })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'unsubscribed (idempotent)', content: HTML })
  @ApiResponse({ status: 400, description: 'invalid link', content: HTML })
  async unsubscribe(@Param('slug') slug: string, @Query('token') token: unknown, @Res() res: Response) {
    const outcome = await this.subscriptions.unsubscribe(slug, token);
    res.setHeader('Cache-Control', 'no-store');
    if (outcome === 'invalid')
      res.status(400).type('html').send(page('Link not valid', '<p>This unsubscribe link is not valid.</p>'));
    else
      res
        .status(200)
        .type('html')
        .send(page('Unsubscribed', '<p>You will not receive any more updates of this status page.</p>'));
  }
}
