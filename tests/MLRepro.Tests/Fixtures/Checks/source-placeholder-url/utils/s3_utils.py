import boto3


def upload_file(file_path, s3_key):
    """Upload a local file to S3.

    Args:
        file_path (str): Local filename to upload
        s3_key (str): S3 key to upload to. E.g. `s3://bucket-name/path/to/file`
    """
    bucket, key = s3_key[len("s3://"):].split("/", 1)
    boto3.client("s3").upload_file(file_path, bucket, key)
