'use strict';

// Runs the stock s3rver CLI (same arguments, see `node server.js --help`) with four fixes:
//
// 1. ListObjectsV2 continuation tokens are DES-encrypted, which OpenSSL 3 (Node 17+) only offers in its legacy
//    provider, so any listing of more than 1000 keys failed with InternalError. DES-EDE3 with the key repeated three
//    times is the same cipher and is in the default provider.
// 2. After deleting an object, s3rver removes the folders the key left empty, but fails with InternalError when a
//    concurrent delete in the same folder removed one first. DeleteObjects deletes its keys concurrently, so deleting
//    a media's renditions failed at random. Real S3 has no folders; tolerating the race is all the fix does.
// 3. A PUT writes straight into the object's file and its checksum into another, so two PUTs of one key interleave
//    their bytes and can leave one's content with the other's ETag. S3 replaces an object atomically: here each PUT
//    (and each completed multipart upload) writes a temporary file, and swapping it in with its checksum and metadata
//    happens one PUT at a time per key.
// 4. A ranged GET of an empty object answers 206 with Content-Length: 1 and no body (it takes the last byte to be 0),
//    which clients read as a broken connection; S3 answers 416 InvalidRange.

const crypto = require('crypto');
const fs = require('fs-extra');
const path = require('path');
const { pipeline, Transform } = require('stream');
const FilesystemStore = require('s3rver/lib/stores/filesystem');

for (const name of ['createCipheriv', 'createDecipheriv']) {
  const original = crypto[name];
  crypto[name] = (algorithm, key, ...rest) =>
    algorithm === 'des' ? original('des-ede3-cbc', Buffer.concat([key, key, key]), ...rest) : original(algorithm, key, ...rest);
}

const gone = err => err.code === 'ENOENT' || err.code === 'ENOTEMPTY';

FilesystemStore.prototype.deleteObject = async function deleteObject(bucket, key) {
  await Promise.all(
    ['object', 'object.md5', 'metadata.json'].map(type =>
      fs.unlink(this.getResourcePath(bucket, key, type)).catch(err => {
        if (err.code !== 'ENOENT') throw err;
      }),
    ),
  );
  const bucketPath = this.getBucketPath(bucket);
  const parts = key.split('/');
  parts.pop();
  while (parts.length) {
    const folder = path.join(bucketPath, ...parts);
    try {
      if ((await fs.readdir(folder)).length) return;
      await fs.rmdir(folder);
    } catch (err) {
      if (!gone(err)) throw err;
    }
    parts.pop();
  }
};

const commits = new Map();

function oneAtATime(name, work) {
  const previous = commits.get(name) || Promise.resolve();
  const current = previous.then(work, work);
  const settled = current.catch(() => {});
  commits.set(name, settled);
  settled.then(() => {
    if (commits.get(name) === settled) commits.delete(name);
  });
  return current;
}

FilesystemStore.prototype.putObject = async function putObject(object) {
  const objectPath = this.getResourcePath(object.bucket, object.key, 'object');
  // Not named like an object, so listings skip it.
  const temporary = `${objectPath}.${crypto.randomBytes(8).toString('hex')}.partial`;
  await fs.mkdirp(path.dirname(objectPath));
  const md5Context = crypto.createHash('md5');
  let size = 0;
  try {
    if (Buffer.isBuffer(object.content)) {
      md5Context.update(object.content);
      size = object.content.length;
      await fs.writeFile(temporary, object.content);
    } else {
      const measure = new Transform({
        transform(chunk, encoding, callback) {
          md5Context.update(chunk);
          size += chunk.length;
          callback(null, chunk);
        },
      });
      await new Promise((resolve, reject) =>
        pipeline(object.content, measure, fs.createWriteStream(temporary), err => (err ? reject(err) : resolve())),
      );
    }
  } catch (err) {
    await fs.remove(temporary);
    throw err;
  }

  const md5 = md5Context.digest('hex');
  await oneAtATime(objectPath, async () => {
    await fs.rename(temporary, objectPath);
    await this.putMetadata(object.bucket, object.key, object.metadata, md5);
  });
  return { size, md5 };
};

const getObject = FilesystemStore.prototype.getObject;
FilesystemStore.prototype.getObject = async function getObjectOrEmptyRange(bucket, key, options) {
  const object = await getObject.call(this, bucket, key, options);
  if (object && object.range && object.content && object.size === 0) {
    object.content.destroy();
    // The controller answers a range without content as InvalidRange.
    object.content = null;
  }
  return object;
};

require('s3rver/bin/s3rver.js');
