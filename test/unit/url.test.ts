import { describe, expect, it } from 'vitest';
import { canonicalizeUrl, displayHost, originPattern } from '../../src/core/url';

describe('canonicalizeUrl', () => {
  it('drops tracking parameters and fragments but keeps meaningful ones', () => {
    expect(canonicalizeUrl('https://News.Example.org/a/b?utm_source=x&id=7&fbclid=1#comments')).toBe('https://news.example.org/a/b?id=7');
  });
  it('keeps a fragment that routes a single-page app to its article', () => {
    expect(canonicalizeUrl('https://example.org/app?utm_medium=x#/world/quake-42')).toBe('https://example.org/app#/world/quake-42');
    expect(canonicalizeUrl('https://example.org/#!/story/7')).toBe('https://example.org/#!/story/7');
    expect(canonicalizeUrl('https://example.org/a#/')).toBe('https://example.org/a');
  });
  it('resolves relative canonical links against the page', () => {
    expect(canonicalizeUrl('/story.html', 'http://127.0.0.1:8080/x/y.html?gclid=1')).toBe('http://127.0.0.1:8080/story.html');
  });
  it('refuses non-web schemes and garbage', () => {
    expect(canonicalizeUrl('javascript:alert(1)')).toBeNull();
    expect(canonicalizeUrl('not a url')).toBeNull();
  });
});

describe('originPattern', () => {
  it('turns what a reader types into a match pattern', () => {
    expect(originPattern('news.example.org')).toBe('https://news.example.org/*');
    expect(originPattern('http://127.0.0.1:5000/page')).toBe('http://127.0.0.1/*');
  });
  it('rejects wildcards and other schemes', () => {
    expect(originPattern('*.example.org')).toBeNull();
    expect(originPattern('ftp://example.org')).toBeNull();
  });
  it('rejects text that is not a host name, whatever the URL parser makes of it', () => {
    expect(originPattern('not a site')).toBeNull();
    expect(originPattern('news.example.org%20x')).toBeNull();
    expect(originPattern('')).toBeNull();
    expect(originPattern('Bücher.example')).toBe('https://xn--bcher-kva.example/*');
  });
  it('shows hosts without www', () => {
    expect(displayHost('https://www.example.org/x')).toBe('example.org');
  });
});
