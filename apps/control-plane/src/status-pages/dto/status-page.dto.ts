import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Trim } from '../../accounts/dto/trim';
import { PAGE_THEMES, type PageTheme } from '../status-page.entity';

export const PAGE_SLUG_RE = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
const SLUG_MESSAGE = 'must be 1–64 lowercase letters, digits or hyphens, starting and ending with a letter or digit';
export const MAX_PAGE_MONITORS = 500;
export const MAX_PAGE_GROUPS = 50;

export class StatusPageGroupDto {
  @ApiProperty({ example: 'api', description: "The group's public id (Valtrogen's group id)" })
  @IsString()
  @Matches(PAGE_SLUG_RE, { message: `slug ${SLUG_MESSAGE}` })
  slug!: string;

  @ApiProperty({ example: 'API' })
  @Trim()
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ example: 0, description: 'Groups are shown by ascending order, then as listed' })
  @IsOptional()
  @IsInt()
  @Min(-1000)
  @Max(1000)
  order?: number;

  @ApiProperty({
    type: [String],
    example: ['mon_3k9x0q2m7d1v8b4n'],
    description: "The account's own public monitors, in display order",
  })
  @IsArray()
  @ArrayMaxSize(MAX_PAGE_MONITORS)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  monitor_ids!: string[];
}

/** `POST /status-pages` and `PUT /status-pages/{id}` (full replacement). */
export class CreateStatusPageDto {
  @ApiProperty({ example: 'acme', description: 'Unique across the install; the page is served at /s/{slug}' })
  @IsString()
  @Matches(PAGE_SLUG_RE, { message: `slug ${SLUG_MESSAGE}` })
  slug!: string;

  @ApiProperty({ example: 'Acme status' })
  @Trim()
  @IsString()
  @MinLength(1, { message: 'title must not be empty' })
  @MaxLength(200)
  title!: string;

  @ApiPropertyOptional({ example: 'Live status of the Acme API and website' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiPropertyOptional({ example: 'Acme Inc.' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  company_name?: string;

  @ApiPropertyOptional({ type: [StatusPageGroupDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_PAGE_GROUPS)
  // ValidateNested lets an array through as an item (and validates nothing in it): each group must be an object.
  @IsObject({ each: true, message: 'each group must be an object' })
  @ValidateNested({ each: true })
  @Type(() => StatusPageGroupDto)
  groups?: StatusPageGroupDto[];

  @ApiPropertyOptional({ type: [String], description: 'Ungrouped monitors, in display order' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_PAGE_MONITORS)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  monitor_ids?: string[];

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'status.acme.com',
    description: 'A hostname: requests whose Host is it get this page at /',
  })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MaxLength(253)
  custom_domain?: string | null;

  @ApiPropertyOptional({ enum: PAGE_THEMES, default: 'auto', description: 'auto follows prefers-color-scheme' })
  @IsOptional()
  @IsIn(PAGE_THEMES, { message: `theme must be one of: ${PAGE_THEMES.join(', ')}` })
  theme?: PageTheme;

  @ApiPropertyOptional({ type: String, nullable: true, example: '#1f6feb' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @Matches(/^#[0-9a-fA-F]{6}$/, { message: 'accent_color must be a colour like #1f6feb' })
  accent_color?: string | null;

  @ApiPropertyOptional({ default: true, description: 'One labelled dot per region for each monitor' })
  @IsOptional()
  @IsBoolean()
  show_regions?: boolean;

  @ApiPropertyOptional({ default: false, description: "Show monitors' target URLs" })
  @IsOptional()
  @IsBoolean()
  show_target_urls?: boolean;
}

/** `PATCH /status-pages/{id}`: omitted fields are kept; `groups` and `monitor_ids`, when given, replace the lists. */
export class UpdateStatusPageDto {
  @ApiPropertyOptional({ example: 'acme' })
  @IsOptional()
  @IsString()
  @Matches(PAGE_SLUG_RE, { message: `slug ${SLUG_MESSAGE}` })
  slug?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1, { message: 'title must not be empty' })
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) description?: string;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(200) company_name?: string;

  @ApiPropertyOptional({ type: [StatusPageGroupDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_PAGE_GROUPS)
  // ValidateNested lets an array through as an item (and validates nothing in it): each group must be an object.
  @IsObject({ each: true, message: 'each group must be an object' })
  @ValidateNested({ each: true })
  @Type(() => StatusPageGroupDto)
  groups?: StatusPageGroupDto[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_PAGE_MONITORS)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  monitor_ids?: string[];

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MaxLength(253)
  custom_domain?: string | null;

  @ApiPropertyOptional({ enum: PAGE_THEMES })
  @IsOptional()
  @IsIn(PAGE_THEMES, { message: `theme must be one of: ${PAGE_THEMES.join(', ')}` })
  theme?: PageTheme;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @Matches(/^#[0-9a-fA-F]{6}$/, { message: 'accent_color must be a colour like #1f6feb' })
  accent_color?: string | null;

  @ApiPropertyOptional() @IsOptional() @IsBoolean() show_regions?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() show_target_urls?: boolean;
}

export class StatusPageGroupView {
  @ApiProperty({ example: 'api' }) slug!: string;
  @ApiProperty({ example: 'API' }) name!: string;
  @ApiProperty({ example: 0 }) order!: number;
  @ApiProperty({ type: [String] }) monitor_ids!: string[];
}

export class StatusPageView {
  @ApiProperty({ example: 'sp_3k9x0q2m7d1v8b4n' }) id!: string;
  @ApiProperty({ example: 'acme' }) slug!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty() company_name!: string;
  @ApiProperty({ type: [StatusPageGroupView] }) groups!: StatusPageGroupView[];
  @ApiProperty({ type: [String], description: 'Ungrouped monitors' }) monitor_ids!: string[];
  @ApiProperty({ type: String, nullable: true }) custom_domain!: string | null;
  @ApiProperty({ enum: PAGE_THEMES }) theme!: PageTheme;
  @ApiProperty({ type: String, nullable: true }) accent_color!: string | null;
  @ApiProperty() show_regions!: boolean;
  @ApiProperty() show_target_urls!: boolean;
  @ApiProperty({ example: 'https://status.example.com/s/acme', description: "The page's public address" }) url!: string;
  @ApiProperty({ format: 'date-time' }) created_at!: string;
  @ApiProperty({ format: 'date-time' }) updated_at!: string;
}

export class DeletedStatusPageView {
  @ApiProperty({ example: true }) deleted!: true;
  @ApiProperty({ example: 'sp_3k9x0q2m7d1v8b4n' }) id!: string;
}
