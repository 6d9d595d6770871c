import { ApiProperty } from '@nestjs/swagger';

export class WhoisView {
  @ApiProperty({
    example: 'example.com',
    description:
      'What was looked up: the IP address, or the registrable domain of the name asked (a host name is reduced with the Public Suffix List: www.example.co.uk → example.co.uk)',
  })
  target!: string;
  @ApiProperty({ enum: ['domain', 'ip'] }) kind!: string;
  @ApiProperty({
    enum: ['rdap', 'whois'],
    description: 'RDAP first; WHOIS (port 43) when RDAP has no server or fails; IP addresses: WHOIS',
  })
  source!: string;
  @ApiProperty({ example: 'https://rdap.verisign.com/com/v1/domain/example.com' }) server!: string;
  @ApiProperty({ example: 'example.com' }) name!: string;
  @ApiProperty({ type: String, nullable: true, example: 'RESERVED-Internet Assigned Numbers Authority' }) registrar!:
    string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) created_at!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) updated_at!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) expires_at!: string | null;
  @ApiProperty({ type: [String], example: ['a.iana-servers.net', 'b.iana-servers.net'] }) name_servers!: string[];
  @ApiProperty({ type: [String], example: ['client delete prohibited', 'client transfer prohibited'] })
  status!: string[];
  @ApiProperty({ description: 'The registry answer as received (RDAP JSON or WHOIS text, 64 KiB at most)' })
  raw!: string;
}
