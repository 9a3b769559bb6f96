from torch.utils.data import DataLoader

from data_provider.data_loader import Dataset_Custom, Dataset_Hourly

data_dict = {
    "hourly": Dataset_Hourly,
    "custom": Dataset_Custom,
}


def data_provider(args, flag):
    Data = data_dict[args.data]
    data_set = Data(
        root_path=args.root_path,
        data_path=args.data_path,
        flag=flag,
        size=[args.seq_len, args.pred_len],
        target=args.target,
    )
    return data_set, DataLoader(data_set, batch_size=args.batch_size, shuffle=flag == "train")
