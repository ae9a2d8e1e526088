import { defineApi } from '../core/define-api.ts';
import { paginate } from '../core/pagination.ts';
import { ProblemError, problems } from '../core/problem.ts';
import type { components, operations } from '../generated/types/social.ts';
import { authorize, exchangeToken, refineOAuthProblem } from './social/oauth.ts';
import { ME, seedSocial, type Like, type Profile, type SocialData, type StoredPost } from './social/seed.ts';

type User = components['schemas']['User'];
type Post = components['schemas']['Post'];

export type { SocialData };

function userView(data: SocialData, profile: Profile): User {
  return {
    ...profile,
    followers_count: data.follows.filter((f) => f.followed === profile.id).length,
    following_count: data.follows.filter((f) => f.follower === profile.id).length,
  };
}

function postView(data: SocialData, post: StoredPost): Post {
  const likes = data.likes.filter((like) => like.post === post.id);
  return { ...post, like_count: likes.length, liked_by_me: likes.some((like) => like.user === ME) };
}

const follows = (data: SocialData, follower: string, followed: string) =>
  data.follows.some((f) => f.follower === follower && f.followed === followed);

/** Public posts, the user's own, and followers-only posts by people the user follows. */
const canSee = (data: SocialData, post: StoredPost) =>
  post.visibility === 'public' || post.author === ME || follows(data, ME, post.author);

function findUser(data: SocialData, id: string): Profile {
  const user = data.users.find((candidate) => candidate.id === id);
  if (!user) throw problems.notFound('user', id);
  return user;
}

/** A post the user may not see answers exactly as one that does not exist, so that the API does not reveal it. */
function findVisiblePost(data: SocialData, id: string): StoredPost {
  const post = data.posts.find((candidate) => candidate.id === id);
  if (!post || !canSee(data, post)) throw problems.notFound('post', id);
  return post;
}

export const social = defineApi<operations, SocialData>({
  seed: () => seedSocial(),
  refineProblem: refineOAuthProblem,

  handlers: {
    authorize,
    exchangeToken,

    getMe: ({ data }) => ({ status: 200, body: userView(data, findUser(data, ME)) }),
    getUser: ({ data, input }) => ({ status: 200, body: userView(data, findUser(data, input.path.id)) }),
    listFollowers: ({ data, input }) => {
      const user = findUser(data, input.path.id);
      const followers = data.follows
        .filter((f) => f.followed === user.id)
        .map((f) => userView(data, findUser(data, f.follower)));
      return { status: 200, body: paginate(followers, input.query) };
    },
    followUser: async ({ data, input, now, emit }) => {
      if (input.path.id === ME) {
        throw new ProblemError(422, 'Users cannot follow themselves.', {
          errors: [{ pointer: '/path/id', detail: "must be another user's id" }],
        });
      }
      const user = findUser(data, input.path.id);
      // Idempotent: a retry returns the follow that exists, with its original created_at, and announces nothing.
      const existing = data.follows.find((f) => f.follower === ME && f.followed === user.id);
      if (existing) return { status: 200, body: existing };
      const follow = { object: 'follow' as const, follower: ME, followed: user.id, created_at: now().toISOString() };
      data.follows.unshift(follow);
      await emit('follower.added', follow);
      return { status: 200, body: follow };
    },
    unfollowUser: ({ data, input }) => {
      const user = findUser(data, input.path.id);
      data.follows = data.follows.filter((f) => !(f.follower === ME && f.followed === user.id));
      return { status: 204, body: undefined };
    },

    createPost: async ({ data, input, id, now, emit }) => {
      const post: StoredPost = {
        id: id('pst_'),
        object: 'post',
        author: ME,
        text: input.body.text,
        visibility: input.body.visibility ?? 'public',
        created_at: now().toISOString(),
      };
      data.posts.unshift(post);
      const view = postView(data, post);
      await emit('post.created', view);
      return { status: 201, body: view };
    },
    listPosts: ({ data, input }) => {
      const { author } = input.query;
      const posts = data.posts.filter((post) => canSee(data, post) && (!author || post.author === author));
      return {
        status: 200,
        body: paginate(
          posts.map((post) => postView(data, post)),
          input.query,
        ),
      };
    },
    getPost: ({ data, input }) => ({ status: 200, body: postView(data, findVisiblePost(data, input.path.id)) }),
    deletePost: async ({ data, input, emit }) => {
      const post = findVisiblePost(data, input.path.id);
      if (post.author !== ME) {
        // No required_scopes: no token can help, which is how a client tells this 403 from a missing scope.
        throw problems.forbidden(`Post ${post.id} belongs to ${post.author}. You can delete only your own posts.`);
      }
      const before = postView(data, post);
      data.posts = data.posts.filter((p) => p.id !== post.id);
      data.likes = data.likes.filter((like) => like.post !== post.id);
      await emit('post.deleted', before);
      return { status: 200, body: { id: post.id, object: 'post', deleted: true } };
    },

    likePost: async ({ data, input, now, emit }) => {
      const post = findVisiblePost(data, input.path.id);
      // Idempotent: a double tap counts once, and only the first like is announced.
      if (!data.likes.some((like) => like.post === post.id && like.user === ME)) {
        const like: Like = { object: 'like', post: post.id, user: ME, created_at: now().toISOString() };
        data.likes.unshift(like);
        await emit('post.liked', like);
      }
      return { status: 200, body: postView(data, post) };
    },
    unlikePost: ({ data, input }) => {
      const post = findVisiblePost(data, input.path.id);
      data.likes = data.likes.filter((like) => !(like.post === post.id && like.user === ME));
      return { status: 200, body: postView(data, post) };
    },
  },
});
