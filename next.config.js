/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  serverExternalPackages: ['better-sqlite3', 'shiki', 'mailparser'],
};
module.exports = nextConfig;
