import type { components } from '../../generated/types/social.ts';

type User = components['schemas']['User'];
type Post = components['schemas']['Post'];

/*
 * Counts and `liked_by_me` are worked out from the follows and likes when an object is shown, so that they can never
 * disagree with the lists they summarise.
 */
export type Profile = Omit<User, 'followers_count' | 'following_count'>;
export type StoredPost = Omit<Post, 'like_count' | 'liked_by_me'>;
export type Like = components['schemas']['Like'];
export type Follow = components['schemas']['Follow'];

export interface SocialData {
  users: Profile[];
  /** Newest first, as the lists show them. */
  posts: StoredPost[];
  likes: Like[];
  /** Newest first: a user's followers are listed most recent first. */
  follows: Follow[];
}

/** The signed-in user, whatever the credential: the sandbox has one person who signs in. */
export const ME = 'usr_demo0001';

/** The people and posts the spec describes as the sandbox data, with the ids its examples use. */
export function seedSocial(): SocialData {
  return {
    users: [
      {
        id: 'usr_demo0001',
        object: 'user',
        handle: 'ada_lovelace',
        display_name: 'Ada Lovelace',
        bio: 'Writing notes on the Analytical Engine.',
        created_at: '2026-11-01T10:00:00Z',
      },
      {
        id: 'usr_demo0002',
        object: 'user',
        handle: 'grace_hopper',
        display_name: 'Grace Hopper',
        bio: 'Compilers, and explaining nanoseconds with lengths of wire.',
        created_at: '2026-11-02T10:00:00Z',
      },
      {
        id: 'usr_demo0003',
        object: 'user',
        handle: 'alan_turing',
        display_name: 'Alan Turing',
        bio: 'Thinking about what machines can compute.',
        created_at: '2026-11-03T10:00:00Z',
      },
    ],
    posts: [
      {
        id: 'pst_demo0002',
        object: 'post',
        author: 'usr_demo0001',
        text: 'Notes on the Analytical Engine, part 1: it can work on symbols, not only on numbers.',
        visibility: 'public',
        created_at: '2026-11-24T16:00:00Z',
      },
      {
        id: 'pst_demo0001',
        object: 'post',
        author: 'usr_demo0002',
        text: 'Debugging tip: read the whole error message twice before you change any code.',
        visibility: 'public',
        created_at: '2026-11-24T09:00:00Z',
      },
    ],
    likes: [],
    // Alan followed Ada after Grace did, so Ada's followers list shows Alan first, as the spec's example does.
    follows: [
      { object: 'follow', follower: 'usr_demo0003', followed: 'usr_demo0001', created_at: '2026-11-03T11:00:00Z' },
      { object: 'follow', follower: 'usr_demo0001', followed: 'usr_demo0002', created_at: '2026-11-02T12:00:00Z' },
      { object: 'follow', follower: 'usr_demo0002', followed: 'usr_demo0001', created_at: '2026-11-02T11:00:00Z' },
    ],
  };
}
