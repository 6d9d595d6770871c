import 'reflect-metadata';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { nullViolations } from './validation';

class Inner {
  @ApiPropertyOptional() name?: string;
  @ApiPropertyOptional({ nullable: true }) note?: string | null;
}
class Outer {
  @ApiProperty() title!: string;
  @ApiPropertyOptional({ nullable: true }) threshold?: number | null;
  @ApiPropertyOptional() inner?: Inner;
  @ApiPropertyOptional({ type: [Inner] }) items?: Inner[];
  extra?: unknown;
}
const make = <T extends object>(cls: new () => T, values: Partial<T>): T => Object.assign(new cls(), values);

/** Issue 13: `null` passes `@IsOptional()`, so the pipe refuses it wherever the DTO does not document it nullable. */
describe('nullViolations', () => {
  it('accepts a null where the property is documented nullable, and values that are not null', () => {
    expect(nullViolations(make(Outer, { title: 'x', threshold: null }))).toEqual([]);
    expect(nullViolations(make(Outer, { title: 'x', inner: make(Inner, { note: null, name: 'n' }) }))).toEqual([]);
  });
  it('names every undocumented null, nested and in arrays', () => {
    const value = make(Outer, {
      title: null as unknown as string,
      inner: make(Inner, { name: null as unknown as string }),
      items: [make(Inner, {}), make(Inner, { name: null as unknown as string })],
      extra: null,
    });
    expect(nullViolations(value)).toEqual([
      { field: 'title', message: 'title must not be null' },
      { field: 'inner.name', message: 'inner.name must not be null' },
      { field: 'items[1].name', message: 'items[1].name must not be null' },
      { field: 'extra', message: 'extra must not be null' },
    ]);
  });
  it('leaves plain objects (no DTO behind them), primitives and null itself alone', () => {
    expect(nullViolations({ a: null })).toEqual([]);
    expect(nullViolations(null)).toEqual([]);
    expect(nullViolations('x')).toEqual([]);
    expect(nullViolations([1, null])).toEqual([]);
  });
});
